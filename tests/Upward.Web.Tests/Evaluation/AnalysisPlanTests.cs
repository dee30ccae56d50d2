using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Questionnaires;
using Upward.Web.Tests.Infrastructure;
using Upward.Web.Tests.People;

namespace Upward.Web.Tests.Evaluation;

/// <summary>
/// The coordinator chooses the outcomes before results exist; the report leads with them and prints
/// the plan's SHA-256; the first answer after the intervention fixes the plan against any change.
/// </summary>
public sealed class AnalysisPlanTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    private static readonly Stage[] After = [Stage.AfterPhase1, Stage.AfterPhase2, Stage.After];

    [Fact]
    public async Task A_plan_chosen_before_the_results_leads_the_report_and_is_fixed_by_the_first_answer_after_the_intervention()
    {
        var id = await ProgrammeIdAsync();
        // The demo has answers after phase 1 already: take them away so the plan is still open.
        var removed = await Factory.WithDbAsync(async db =>
        {
            var afterWaves = await db.Waves.Where(w => w.ProgrammeId == id && After.Contains(w.Stage)).Select(w => w.Id).ToListAsync();
            var responses = await db.Responses.Where(r => afterWaves.Contains(r.WaveId)).ToListAsync();
            var ids = responses.Select(r => r.Id).ToList();
            await db.Answers.Where(a => ids.Contains(a.ResponseId)).ExecuteDeleteAsync();
            await db.Responses.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync();
            return afterWaves;
        });
        var page = $"/programmes/{id}/analysis-plan";
        var coordinator = await AsAsync("coordinator");
        Assert.Contains("Until you save one, the plan is the template", await coordinator.GetStringAsync(page));

        // Bad input: no primary, a secondary not in the list, no α. Nothing is stored.
        var none = await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["Input.Alpha"] = "0.05" });
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("Select the primary outcome", await none.Content.ReadAsStringAsync());
        var forged = await coordinator.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.Primary"] = "mentee:awareness:before_phase_2:after_phase_2", ["Input.Secondary"] = "mentor:happiness:before_phase_1:after_phase_2",
        });
        var forgedHtml = await forged.Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", forgedHtml);
        Assert.Contains("Select secondary outcomes from the list", forgedHtml);
        Assert.Contains("Select the significance level", forgedHtml);
        Assert.False(await Factory.WithDbAsync(db => db.AnalysisPlans.AnyAsync(p => p.ProgrammeId == id)));

        var saved = await coordinator.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.Primary"] = "mentee:awareness:before_phase_2:after_phase_2", ["Input.Alpha"] = "0.01",
            // Ticked as secondary as well (the template's): it becomes the primary only.
            ["Input.Secondary"] = "mentee:awareness:before_phase_2:after_phase_2",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await Factory.WithDbAsync(db => db.AnalysisPlans.SingleAsync(p => p.ProgrammeId == id));
        var plan = Upward.Core.Evaluation.AnalysisPlan.Parse(stored.Json)!;
        Assert.Equal("awareness", plan.Primary.Score);
        Assert.Single(plan.Outcomes);
        Assert.Equal(0.01, plan.Alpha);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.AnalysisPlanSaved && a.Detail == $"sha256 {plan.Sha256()}")));

        // The report leads with the chosen primary outcome and prints the plan's hash, not yet fixed.
        var report = await (await AsAsync("researcher")).GetStringAsync($"/programmes/{id}/evaluation");
        var primary = report.IndexOf("<h3>Primary outcome</h3>", StringComparison.Ordinal);
        Assert.StartsWith("<h3>Primary outcome</h3>\n<p>Mentees’ awareness", report[primary..]);
        Assert.Contains("which is not fixed yet", report);
        Assert.Contains(plan.Sha256(), report);
        Assert.Contains("Exploratory:", report);

        // The first answer after the intervention fixes it: the page shows when, and a change is refused.
        var firstAnswer = new DateTime(2026, 12, 7, 10, 30, 0, DateTimeKind.Utc);
        await Factory.WithDbAsync(async db =>
        {
            var wave = await db.Waves.FirstAsync(w => removed.Contains(w.Id));
            var enrolment = await db.Enrolments.FirstAsync(e => e.ProgrammeId == id && e.Role == wave.Audience);
            db.Responses.Add(new Response { WaveId = wave.Id, EnrolmentId = enrolment.Id, InstrumentId = wave.InstrumentId, Status = ResponseStatus.Submitted, SubmittedAtUtc = firstAnswer });
            await db.SaveChangesAsync();
        });
        var fixedPage = await coordinator.GetStringAsync(page);
        Assert.Contains("The plan was fixed on 7 December 2026 at 10:30", fixedPage);
        Assert.DoesNotContain("Save the analysis plan", fixedPage);
        var refused = await coordinator.SubmitAsync(page, new Dictionary<string, string>
        {
            ["Input.Primary"] = "mentor:confidence:before_phase_1:after_phase_2", ["Input.Alpha"] = "0.05",
        }, page);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The analysis plan is fixed", await refused.Content.ReadAsStringAsync());
        Assert.Equal(stored.Json, await Factory.WithDbAsync(db => db.AnalysisPlans.Where(p => p.ProgrammeId == id).Select(p => p.Json).SingleAsync()));
        var fixedReport = await (await AsAsync("researcher")).GetStringAsync($"/programmes/{id}/evaluation");
        Assert.Contains($"fixed on 7 December 2026 at 10:30 UTC when the first answer after the intervention arrived (SHA-256 <code class=\"upward-break-anywhere\">{plan.Sha256()}</code>)", fixedReport);
    }

    [Theory]
    [InlineData("researcher")]
    [InlineData("facilitator")]
    [InlineData("mentor1")]
    [InlineData("mentee1")]
    public async Task Only_whoever_manages_the_programme_sets_its_plan(string who)
    {
        var id = await ProgrammeIdAsync();
        var client = await AsAsync(who);
        var response = await client.GetAsync($"/programmes/{id}/analysis-plan");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString);
    }
}

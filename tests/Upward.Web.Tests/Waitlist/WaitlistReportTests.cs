using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Designs;
using Upward.Core.Evaluation;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Statistics;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Waitlist;

/// <summary>The report of a waitlist programme leads with the arms' change compared, from answers with known numbers.</summary>
public sealed class WaitlistReportTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task The_headline_compares_the_arms_change_with_mann_whitney_and_the_hodges_lehmann_shift()
    {
        var id = await WaitlistProgramme.CreateAsync(factory, "Waitlist: report");
        await WaitlistTests.ChooseWaitlistAsync(factory, id);
        var coordinator = await factory.AsAsync("coordinator");
        await WaitlistTests.RandomiseAsync(coordinator, id, "314159");
        int domains = await factory.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => p.Domains.Count).SingleAsync());

        // Every domain rated alike, so each total is the rating times the number of domains.
        // Start now: 2 before, then 3, 4 and 5 after (changes 1, 2, 3 per domain).
        // Start later: 3 before, then 3, 3 and 4 at the end of waiting (changes 0, 0, 1 per domain).
        int[] nowAfter = [3, 4, 5], laterAgain = [3, 3, 4];
        await WaitlistProgramme.AnswerByArmAsync(factory, id, nowAfter, laterAgain);

        var report = await (await factory.AsAsync("researcher")).GetStringAsync($"/programmes/{id}/evaluation");
        var d = domains;
        // Change scores: start now {1, 2, 3}·d, start later {0, 0, 1}·d. Of the nine differences
        // (now − later) {0, 1, 1, 1, 2, 2, 2, 3, 3}·d the median, the Hodges–Lehmann shift, is 2d.
        var expected = TwoSampleComparison.Compute([1.0 * d, 2.0 * d, 3.0 * d], [0, 0, 1.0 * d]);
        Assert.Equal(2.0 * d, expected.Shift!.Estimate);
        Assert.Equal(8.5, expected.Test!.UA);
        var primary = report.IndexOf("<h3>Primary outcome</h3>", StringComparison.Ordinal);
        Assert.True(primary > 0);
        var section = report[primary..report.IndexOf("</section>", primary, StringComparison.Ordinal)];
        Assert.Contains("Mentees’ awareness, change from before to after compared between the arms (waitlist control): those who started now changed by a median of "
            + $"{ReportText.MedianIqr(expected.A)} (n = 3), those who waited by a median of {ReportText.MedianIqr(expected.B)} over their waiting, before to before again (n = 3); "
            + $"difference between arms {System.Net.WebUtility.HtmlEncode(ReportText.Change(expected.Shift))} by the Hodges–Lehmann shift "
            + $"(Mann–Whitney p = {ReportText.P(expected.Test.PAsymptotic)} as SPSS reports it, exact p = {ReportText.ExactP(expected.Test.PExact)}; effect size r = {ReportText.Effect(expected.Test.R)}).", section);
        Assert.Contains($"difference between arms +{2 * d} (", section);
        Assert.Contains("Within each arm:", section);
        Assert.Contains($"<li>Start now, mentored (before to after): median {2 * d} (IQR ", section);
        Assert.Contains($"<li>Start later, while waiting (before to before again): median {3 * d} (IQR ", section);
        // The plan is fixed by the first answer after the intervention, and its hash is on the report.
        Assert.Contains("fixed on 6 December 2026", report);

        // The research bundle carries the plan, the seed and the arms, and imports as a programme with them.
        var bundle = await (await factory.AsAsync("researcher")).GetByteArrayAsync($"/programmes/{id}/evaluation/export/bundle.json");
        var text = System.Text.Encoding.UTF8.GetString(bundle);
        Assert.Contains("\"version\": 3", text);
        Assert.Contains("\"design\": \"waitlist_control\"", text);
        Assert.Contains("\"seed\": 314159", text);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(text, "\"arm\": \"start_later\""));
        var imported = await (await factory.AsAsync("admin")).UploadAsync("/programmes/import-bundle", "Upload", "waitlist.json", bundle);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var copy = await factory.WithDbAsync(db => db.Programmes.Where(p => p.Name == "Waitlist: report" && p.Id != id).Select(p => p.Id).SingleAsync());
        Assert.Equal(314159, await factory.WithDbAsync(db => db.WaitlistAllocations.Where(a => a.ProgrammeId == copy).Select(a => a.Seed).SingleAsync()));
        var armsByCode = await factory.WithDbAsync(db => db.ArmAssignments.Where(a => a.ProgrammeId == id).Join(db.Enrolments, a => a.EnrolmentId, e => e.Id, (a, e) => new { e.ParticipantCode, a.Arm }).OrderBy(x => x.ParticipantCode).ToListAsync());
        var copiedArms = await factory.WithDbAsync(db => db.ArmAssignments.Where(a => a.ProgrammeId == copy).Join(db.Enrolments, a => a.EnrolmentId, e => e.Id, (a, e) => new { e.ParticipantCode, a.Arm }).OrderBy(x => x.ParticipantCode).ToListAsync());
        Assert.Equal(armsByCode, copiedArms);
        var again = await (await factory.AsAsync("admin")).GetByteArrayAsync($"/programmes/{copy}/evaluation/export/bundle.json");
        Assert.Equal(text, System.Text.Encoding.UTF8.GetString(again));
    }

    [Fact]
    public async Task An_arm_under_k_is_suppressed_in_the_headline()
    {
        var id = await WaitlistProgramme.CreateAsync(factory, "Waitlist: small");
        await WaitlistTests.ChooseWaitlistAsync(factory, id);
        await factory.WithDbAsync(async db =>
        {
            var programme = await db.Programmes.SingleAsync(p => p.Id == id);
            programme.AnonymityThreshold = 4;
            await db.SaveChangesAsync();
        });
        await WaitlistTests.RandomiseAsync(await factory.AsAsync("coordinator"), id, "1");
        var response = await (await factory.AsAsync("researcher")).GetAsync($"/programmes/{id}/evaluation");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadAsStringAsync();
        Assert.Contains("compared between the arms (waitlist control): not shown, because fewer than 4 people in an arm answered both times (start now n = 0, start later n = 0).", report);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Evaluation.Checklists;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Evaluation;

/// <summary>
/// The reporting checklists on the demo's programmes: SQUIRE 2.0 drafted from the pilot's records and
/// downloadable as Markdown; GRIPP2 offered only for the patient-mentor programme; and only for the
/// people who may read the evaluation.
/// </summary>
public sealed class ReportingChecklistPageTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private Task<Guid> IdAsync(string name) =>
        factory.WithDbAsync(db => db.Programmes.Where(p => p.Name == name).OrderBy(p => p.CreatedAtUtc).Select(p => p.Id).FirstAsync());

    [Fact]
    public async Task The_pilots_squire_draft_carries_its_setting_and_results_and_downloads_as_markdown()
    {
        var id = await IdAsync(DemoPilotEvaluation.Bundle().Programme.Name);
        var researcher = await factory.AsAsync("researcher");
        Assert.Contains("Reporting checklists drafted from the programme", await researcher.GetStringAsync($"/programmes/{id}/evaluation"));
        var html = await researcher.GetStringAsync($"/programmes/{id}/evaluation/checklists");
        Assert.Contains("SQUIRE 2.0 checklist", html);
        Assert.Contains("For the author", html);
        Assert.DoesNotContain("GRIPP2", html);

        var download = await researcher.GetAsync($"/programmes/{id}/evaluation/checklists?handler=Download&checklist=squire");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/markdown", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("squire-checklist.md", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        var markdown = await download.Content.ReadAsStringAsync();
        Assert.StartsWith("# SQUIRE 2.0 checklist: ", markdown, StringComparison.Ordinal);
        var organisation = await factory.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Join(db.Organisations, p => p.OrganisationId, o => o.Id, (p, o) => o.Name).SingleAsync());
        Assert.Contains(organisation, markdown);
        Assert.Contains("Wilcoxon signed-rank", markdown);
        // No name of any participant appears in the draft: only counts and de-identified figures.
        var names = await factory.WithDbAsync(db => db.Enrolments.Where(e => e.ProgrammeId == id).Join(db.Users, e => e.UserId, u => u.Id, (e, u) => u.DisplayName).ToListAsync());
        Assert.All(names, n => Assert.DoesNotContain(n, markdown));

        // A checklist that does not apply, or does not exist, is not found (never a 500).
        Assert.Equal(HttpStatusCode.NotFound, (await researcher.GetAsync($"/programmes/{id}/evaluation/checklists?handler=Download&checklist=gripp2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await researcher.GetAsync($"/programmes/{id}/evaluation/checklists?handler=Download&checklist=consort")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await researcher.GetAsync($"/programmes/{id}/evaluation/checklists?handler=Download")).StatusCode);
    }

    [Fact]
    public async Task The_patient_mentor_programme_adds_gripp2()
    {
        var id = await IdAsync(DemoPatientMentors.ProgrammeName);
        var coordinator = await factory.AsAsync("coordinator");
        var html = await coordinator.GetStringAsync($"/programmes/{id}/evaluation/checklists");
        Assert.Contains("GRIPP2 short form", html);
        var markdown = await coordinator.GetStringAsync($"/programmes/{id}/evaluation/checklists?handler=Download&checklist=gripp2");
        Assert.StartsWith("# GRIPP2 short form: ", markdown, StringComparison.Ordinal);
        Assert.Contains("took part as mentors", markdown);
        Assert.Contains(ReportingChecklist.ForTheAuthor, markdown);
    }

    [Fact]
    public async Task Only_those_who_may_read_the_evaluation_get_the_checklists()
    {
        var id = await IdAsync(DemoPilotEvaluation.Bundle().Programme.Name);
        foreach (var who in new[] { "mentor1", "mentee1", "facilitator" })
        {
            var client = await factory.AsAsync(who);
            foreach (var path in new[] { $"/programmes/{id}/evaluation/checklists", $"/programmes/{id}/evaluation/checklists?handler=Download&checklist=squire" })
            {
                var response = await client.GetAsync(path);
                Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{who} {path}: {(int)response.StatusCode}");
                Assert.DoesNotContain("SQUIRE", await response.Content.ReadAsStringAsync());
            }
        }
    }
}

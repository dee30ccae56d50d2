using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Programmes;

/// <summary>Domains are editable while a draft; the lifecycle moves one audited step at a time.</summary>
public sealed class ProgrammeDesignTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private async Task<(HttpClient Admin, string Url)> NewDraftAsync(string name)
    {
        var admin = factory.Browser();
        await admin.SignInAsync(DemoProgramme.EmailOf("admin"), DemoProgramme.Password);
        var created = await admin.SubmitAsync("/programmes/new", new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Type"] = "Inclusion" });
        return (admin, created.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_draft_domains_can_be_renamed_reordered_and_trimmed_with_ids_kept()
    {
        var (admin, url) = await NewDraftAsync("Inclusion 2027");
        var id = Guid.Parse(url.Split('/').Last());
        var keptId = await factory.WithDbAsync(db => db.ProgrammeDomains.Where(d => d.ProgrammeId == id && d.Name == "Speaking up").Select(d => d.Id).SingleAsync());

        var saved = await admin.SubmitAsync($"{url}/domains", new Dictionary<string, string> { ["Input.Lines"] = "Speaking up\r\nInclusive language\r\n\r\nMicroaggressions" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var domains = await factory.WithDbAsync(db => db.ProgrammeDomains.Where(d => d.ProgrammeId == id).OrderBy(d => d.Position).ToListAsync());
        Assert.Equal(["Speaking up", "Inclusive language", "Microaggressions"], domains.Select(d => d.Name));
        Assert.Equal(keptId, domains[0].Id);
    }

    [Theory]
    [InlineData("", "Enter at least one domain")]
    [InlineData("A\nB\nC\nD\nE\nF\nG\nH\nI\nJ\nK\nL\nM", "Enter at most 12 domains")]
    [InlineData("Same\nsame", "appears more than once")]
    public async Task Bad_domain_lists_are_refused_with_a_reason(string lines, string message)
    {
        var (admin, url) = await NewDraftAsync("Bad domains " + Guid.NewGuid().ToString("N")[..6]);
        var html = await (await admin.SubmitAsync($"{url}/domains", new Dictionary<string, string> { ["Input.Lines"] = lines })).Content.ReadAsStringAsync();
        Assert.Contains(message, html);
        Assert.Contains("nhsuk-error-summary", html);
    }

    [Fact]
    public async Task The_lifecycle_moves_one_step_per_click_is_audited_and_then_fixes_the_domains()
    {
        var (admin, url) = await NewDraftAsync("Lifecycle 2027");
        var id = Guid.Parse(url.Split('/').Last());

        await admin.SubmitAsync($"{url}/stage", new Dictionary<string, string> { ["from"] = "Draft" });
        // The same stale form again: nothing more happens.
        await admin.SubmitAsync($"{url}/stage", new Dictionary<string, string> { ["from"] = "Draft" });

        Assert.Equal(ProgrammeStatus.Recruiting, await factory.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.ProgrammeId == id && a.Action == AuditAction.ProgrammeStageChanged)));
        var refused = await (await admin.SubmitAsync($"{url}/domains", new Dictionary<string, string> { ["Input.Lines"] = "Changed" })).Content.ReadAsStringAsync();
        Assert.Contains("cannot change once the programme has left the draft stage", refused);
    }

    [Fact]
    public async Task Only_a_coordinator_moves_the_stage_or_edits_domains()
    {
        var id = await factory.WithDbAsync(db => db.Programmes.Where(p => p.Name == DemoProgramme.ProgrammeName).Select(p => p.Id).SingleAsync());
        var mentor = factory.Browser();
        await mentor.SignInAsync(DemoProgramme.EmailOf("mentor1"), DemoProgramme.Password);
        foreach (var page in new[] { "stage", "domains" })
        {
            var response = await mentor.SubmitAsync("/", new Dictionary<string, string> { ["from"] = "Running", ["Input.Lines"] = "X" }, $"/programmes/{id}/{page}");
            Assert.Contains("/account/access-denied", response.Headers.Location?.OriginalString);
        }
        Assert.Equal(ProgrammeStatus.Running, await factory.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
    }
}

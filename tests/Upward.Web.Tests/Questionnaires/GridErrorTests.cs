using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Questionnaires;

/// <summary>A 1–5 grid sent empty or half done says what is missing, in the NHS error summary, with each missing area linked.</summary>
public sealed class GridErrorTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private async Task<(HttpClient Client, string Url, InstrumentItem Grid, List<Guid> Domains, List<string> Names)> GridAsync()
    {
        var programmeId = await factory.ProgrammeIdAsync();
        var waveId = await factory.WaveIdAsync(ProgrammeRole.Mentor, Stage.BeforePhase1);
        var (items, domains) = await factory.ItemsAsync(waveId);
        var grid = items.First(i => i.Type == ItemType.DomainGrid && !i.Optional);
        var names = await factory.WithDbAsync(db => db.ProgrammeDomains.Where(d => d.ProgrammeId == programmeId).OrderBy(d => d.Position).Select(d => d.Name).ToListAsync());
        return (await factory.AsAsync("mentor5"), QuestionnaireFixture.Url(programmeId, waveId, $"/questions/{grid.Key}"), grid, domains, names);
    }

    [Fact]
    public async Task An_empty_grid_says_choose_a_number_for_each_area_not_that_the_page_changed()
    {
        var (client, url, grid, domains, _) = await GridAsync();
        var response = await client.SubmitAsync(url, new Dictionary<string, string> { ["Version"] = grid.InstrumentId.ToString() });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is a problem", html);
        Assert.Contains($"<a href=\"#domain-{domains[0]}\">Choose a number for each area</a>", html);
        Assert.DoesNotContain("changed since it was opened", html);
    }

    [Fact]
    public async Task A_partly_filled_grid_names_each_area_still_missing_and_links_to_it_and_keeps_what_was_chosen()
    {
        var (client, url, grid, domains, names) = await GridAsync();
        var fields = new Dictionary<string, string> { ["Version"] = grid.InstrumentId.ToString(), [$"Domains[{domains[0]}]"] = "4", [$"Domains[{domains[3]}]"] = "2" };
        var response = await client.SubmitAsync(url, fields);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var missing in new[] { 1, 2, 4, 5, 6 })
        {
            Assert.Contains($"<a href=\"#domain-{domains[missing]}\">Choose a number for {names[missing]}</a>", html);
            Assert.Contains($"id=\"domain-{domains[missing]}-error\"", html);
        }
        Assert.DoesNotContain($"href=\"#domain-{domains[0]}\"", html);
        Assert.DoesNotContain($"href=\"#domain-{domains[3]}\"", html);
        // What was chosen stays chosen.
        Assert.Matches($"id=\"domain-{domains[0]}-4\"[^>]*value=\"4\" checked", html);
    }
}

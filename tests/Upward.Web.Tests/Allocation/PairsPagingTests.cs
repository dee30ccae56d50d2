using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Web.Tests.Infrastructure;
using Upward.Web.Tests.People;

namespace Upward.Web.Tests.Allocation;

/// <summary>The allocation page's current pairs and preview, a page at a time (issue 21): search, bad page numbers, who may look.</summary>
public sealed class PairsPagingTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    private async Task<(Guid Id, HttpClient Coordinator)> AllocatedAsync()
    {
        var id = await ProgrammeIdAsync();
        var coordinator = await AsAsync("coordinator");
        if (!await Factory.WithDbAsync(db => db.Pairings.AnyAsync(p => p.ProgrammeId == id)))
        {
            await coordinator.SubmitAsync($"/programmes/{id}/allocation?Mode=Random&Seed=42",
                new Dictionary<string, string> { ["Mode"] = "Random", ["Seed"] = "42" }, $"/programmes/{id}/allocation?handler=Confirm");
        }
        return (id, coordinator);
    }

    private static string PairsTable(string html)
    {
        var start = html.IndexOf("id=\"pairs-table\"", StringComparison.Ordinal);
        if (start < 0) return "";
        var table = html[start..];
        return table[..table.IndexOf("</table>", StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Search_finds_the_pair_of_one_person()
    {
        var (id, coordinator) = await AllocatedAsync();
        var pairs = await Factory.WithDbAsync(db => db.Pairings.CountAsync(p => p.ProgrammeId == id && p.Status == Upward.Core.Sessions.PairingStatus.Active));
        var all = await coordinator.GetStringAsync($"/programmes/{id}/allocation");
        Assert.Contains($"Showing 1 to {pairs} of {pairs} pair", all);

        var mentee = await Factory.WithDbAsync(db => db.Pairings.Where(p => p.ProgrammeId == id)
            .Where(p => p.Status == Upward.Core.Sessions.PairingStatus.Active).Join(db.Enrolments, p => p.MenteeEnrolmentId, e => e.Id, (p, e) => e.ParticipantCode).FirstAsync());
        var found = await coordinator.GetStringAsync($"/programmes/{id}/allocation?pairsSearch={mentee.ToLowerInvariant()}");
        Assert.Contains("Showing 1 to 1 of 1 pair.", found);
        Assert.Contains(mentee, PairsTable(found));
        Assert.Contains("No pair matches", await coordinator.GetStringAsync($"/programmes/{id}/allocation?pairsSearch=nobody-by-this-name"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-4")]
    [InlineData("some")]
    [InlineData("999")]
    public async Task A_bad_page_number_shows_a_page_of_pairs(string pageNumber)
    {
        var (id, coordinator) = await AllocatedAsync();
        var pairs = await coordinator.GetAsync($"/programmes/{id}/allocation?pairsPage={pageNumber}");
        Assert.Equal(HttpStatusCode.OK, pairs.StatusCode);
        Assert.NotEmpty(PairsTable(await pairs.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Only_the_coordinator_sees_the_pairs()
    {
        var (id, _) = await AllocatedAsync();
        foreach (var who in new[] { "mentor1", "mentee1", "facilitator", "researcher" })
        {
            DemoPeople.AssertRefused(await (await AsAsync(who)).GetAsync($"/programmes/{id}/allocation?pairsPage=2&pairsSearch=me"), who);
        }
    }
}

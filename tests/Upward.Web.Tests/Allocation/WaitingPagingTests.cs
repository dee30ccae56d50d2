using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Data.Identity;
using Upward.Web.Tests.Infrastructure;
using Upward.Web.Tests.People;

namespace Upward.Web.Tests.Allocation;

/// <summary>
/// The allocation page's table of mentees waiting for a mentor, with more waiting than a page holds:
/// page 2 shows the rest and nobody twice, search finds one mentee, a bad page number shows a page.
/// </summary>
public sealed partial class WaitingPagingTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    private const int Added = 30;

    [GeneratedRegex(@"WT-\d{3}")]
    private static partial Regex AddedCode();

    /// <summary>The demo allocated (so the waiting table shows), then 30 more mentees who joined late.</summary>
    private async Task<(Guid Id, HttpClient Coordinator)> WithManyWaitingAsync()
    {
        var id = await ProgrammeIdAsync();
        var coordinator = await AsAsync("coordinator");
        if (!await Factory.WithDbAsync(db => db.Pairings.AnyAsync(p => p.ProgrammeId == id)))
        {
            await coordinator.SubmitAsync($"/programmes/{id}/allocation?Mode=Random&Seed=42",
                new Dictionary<string, string> { ["Mode"] = "Random", ["Seed"] = "42" }, $"/programmes/{id}/allocation?handler=Confirm");
        }
        await Factory.WithDbAsync(async db =>
        {
            if (await db.Enrolments.AnyAsync(e => e.ProgrammeId == id && e.ParticipantCode == "WT-001")) return;
            var organisation = await db.Programmes.Where(p => p.Id == id).Select(p => p.OrganisationId).SingleAsync();
            for (var i = 1; i <= Added; i++)
            {
                var email = $"waiting{i:000}@example.nhs.uk";
                var user = new UpwardUser { UserName = email, Email = email, DisplayName = $"Waiting Mentee {i:000}", OrganisationId = organisation };
                db.Users.Add(user);
                db.Enrolments.Add(new Enrolment { ProgrammeId = id, UserId = user.Id, Role = ProgrammeRole.Mentee, Status = EnrolmentStatus.Consented, ParticipantCode = $"WT-{i:000}" });
            }
            await db.SaveChangesAsync();
        });
        return (id, coordinator);
    }

    /// <summary>The added mentees' codes in the waiting table (not the rest of the page).</summary>
    private static List<string> Waiting(string html)
    {
        var start = html.IndexOf("id=\"waiting\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the waiting table is shown");
        var table = html[start..];
        var end = table.IndexOf("</table>", StringComparison.Ordinal);
        return end < 0 ? [] : AddedCode().Matches(table[..end]).Select(m => m.Value).Distinct().ToList();
    }

    [Fact]
    public async Task Page_two_of_the_waiting_table_shows_the_rest()
    {
        var (id, coordinator) = await WithManyWaitingAsync();
        var first = await coordinator.GetStringAsync($"/programmes/{id}/allocation");
        var second = await coordinator.GetStringAsync($"/programmes/{id}/allocation?waitingPage=2");
        var total = int.Parse(Regex.Match(first, @"Showing 1 to 25 of (\d+) waiting").Groups[1].Value);
        Assert.True(total >= Added);
        Assert.Contains($"Showing 26 to {total} of {total} waiting", second);
        Assert.Empty(Waiting(first).Intersect(Waiting(second)));
        Assert.Equal(Added, Waiting(first).Count + Waiting(second).Count);
        Assert.Contains("waitingPage=2#waiting", first);
    }

    [Fact]
    public async Task Search_finds_one_waiting_mentee_by_code_or_name()
    {
        var (id, coordinator) = await WithManyWaitingAsync();
        Assert.Equal(["WT-017"], Waiting(await coordinator.GetStringAsync($"/programmes/{id}/allocation?waitingSearch=wt-017")));
        Assert.Equal(["WT-003"], Waiting(await coordinator.GetStringAsync($"/programmes/{id}/allocation?waitingSearch=waiting%20mentee%20003")));
        var none = await coordinator.GetStringAsync($"/programmes/{id}/allocation?waitingSearch=nobody-waits-by-this-name");
        Assert.Contains("No waiting mentee matches", none);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("many")]
    [InlineData("999")]
    public async Task A_bad_page_number_shows_a_page(string pageNumber)
    {
        var (id, coordinator) = await WithManyWaitingAsync();
        var response = await coordinator.GetAsync($"/programmes/{id}/allocation?waitingPage={pageNumber}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(Waiting(await response.Content.ReadAsStringAsync()));
    }
}

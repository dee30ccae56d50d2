using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Allocation;
using Upward.Core.People;
using Upward.Core.PhaseOne;
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

    [GeneratedRegex(@"name=""Hand.Mentee"" value=""([0-9a-f-]{36})"">\s*<input type=""hidden"" name=""Hand.Mentor"" value=""([0-9a-f-]{36})""")]
    private static partial Regex OfferedPair();

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

    /// <summary>
    /// The page reads what was said about pairs only for the mentees it shows, so each shown mentee's
    /// mentors are checked against the planner given everything: every mentor willing to take the
    /// late joiners, one declared conflict, and places enough that the lists are not empty.
    /// </summary>
    [Fact]
    public async Task Each_waiting_mentee_is_offered_exactly_the_mentors_the_whole_facts_allow()
    {
        var (id, coordinator) = await WithManyWaitingAsync();
        var conflicted = await Factory.WithDbAsync(async db =>
        {
            var programme = await db.Programmes.SingleAsync(p => p.Id == id);
            programme.MenteesPerMentor = 20;
            var mentors = await db.Enrolments.Where(e => e.ProgrammeId == id && e.Role == ProgrammeRole.Mentor).Select(e => e.Id).ToListAsync();
            var added = await db.Enrolments.Where(e => e.ProgrammeId == id && e.ParticipantCode.StartsWith("WT-")).OrderBy(e => e.ParticipantCode).Select(e => e.Id).ToListAsync();
            if (!await db.Willingness.AnyAsync(w => added.Contains(w.MenteeEnrolmentId)))
            {
                db.Willingness.AddRange(added.SelectMany(mentee => mentors.Select(mentor =>
                    new Willingness { ProgrammeId = id, MentorEnrolmentId = mentor, MenteeEnrolmentId = mentee, Willing = true })));
                db.Relationships.Add(new Relationship { ProgrammeId = id, MentorEnrolmentId = mentors[0], MenteeEnrolmentId = added[^1], Kind = RelationshipKind.ConflictOfInterest });
            }
            await db.SaveChangesAsync();
            return (Mentor: mentors[0], Mentee: added[^1]);
        });

        var whole = (await WholeAllocationFacts.LoadAsync(Factory, id)).Facts;
        var codes = await Factory.WithDbAsync(db => db.Enrolments.Where(e => e.ProgrammeId == id && e.ParticipantCode.StartsWith("WT-")).ToDictionaryAsync(e => e.ParticipantCode, e => e.Id));
        var offered = new List<(Guid Mentee, Guid Mentor)>();
        foreach (var url in new[] { $"/programmes/{id}/allocation", $"/programmes/{id}/allocation?waitingPage=2", $"/programmes/{id}/allocation?waitingSearch=WT-0" })
        {
            var html = await coordinator.GetStringAsync(url);
            var pairs = OfferedPair().Matches(html).Select(m => (Mentee: Guid.Parse(m.Groups[1].Value), Mentor: Guid.Parse(m.Groups[2].Value))).ToList();
            // Every late joiner in the table, whether or not anyone is offered to them, and every mentee offered someone.
            foreach (var mentee in Waiting(html).Select(code => codes[code]).Concat(pairs.Select(p => p.Mentee)).Distinct())
            {
                Assert.Equal(AllocationPlanner.WillingAndFree(whole, mentee).Order(), pairs.Where(p => p.Mentee == mentee).Select(p => p.Mentor).Order());
            }
            offered.AddRange(pairs);
        }
        Assert.Contains(offered, p => p.Mentee == conflicted.Mentee);
        Assert.DoesNotContain(conflicted, offered);
        Assert.Contains(offered, p => p.Mentor == conflicted.Mentor);
    }
}

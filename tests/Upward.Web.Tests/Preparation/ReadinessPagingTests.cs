using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Data.Identity;
using Upward.Web.Tests.Infrastructure;
using Upward.Web.Tests.People;

namespace Upward.Web.Tests.Preparation;

/// <summary>
/// The readiness page's table of mentors with more mentors than a page holds (issue 21): page 2 shows the
/// rest and nobody twice, search finds one, a bad page number shows a page, and the module counts are of everyone.
/// </summary>
public sealed partial class ReadinessPagingTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    private const int Added = 60;

    [GeneratedRegex(@"RP-\d{3}")]
    private static partial Regex AddedCode();

    private async Task<Guid> WithManyMentorsAsync()
    {
        var id = await ProgrammeIdAsync();
        await Factory.WithDbAsync(async db =>
        {
            if (await db.Enrolments.AnyAsync(e => e.ProgrammeId == id && e.ParticipantCode == "RP-001")) return;
            var organisation = await db.Programmes.Where(p => p.Id == id).Select(p => p.OrganisationId).SingleAsync();
            for (var i = 1; i <= Added; i++)
            {
                var email = $"ready{i:000}@example.nhs.uk";
                var user = new UpwardUser { UserName = email, Email = email, DisplayName = $"Readiness Mentor {i:000}", OrganisationId = organisation };
                db.Users.Add(user);
                db.Enrolments.Add(new Enrolment { ProgrammeId = id, UserId = user.Id, Role = ProgrammeRole.Mentor, Status = EnrolmentStatus.Consented, ParticipantCode = $"RP-{i:000}" });
            }
            await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>The added mentors' codes in the mentors' table only (the attendance list repeats them).</summary>
    private static List<string> Table(string html)
    {
        var start = html.IndexOf("id=\"mentors\"", StringComparison.Ordinal);
        if (start < 0) return [];
        var table = html[start..];
        return AddedCode().Matches(table[..table.IndexOf("</table>", StringComparison.Ordinal)]).Select(m => m.Value).Distinct().ToList();
    }

    [Fact]
    public async Task Page_two_shows_the_rest_and_the_module_counts_are_of_every_mentor()
    {
        var id = await WithManyMentorsAsync();
        var coordinator = await AsAsync("coordinator");
        var url = $"/programmes/{id}/preparation/readiness";
        var first = await coordinator.GetStringAsync(url);
        var second = await coordinator.GetStringAsync($"{url}?pageNumber=2");
        var total = int.Parse(Regex.Match(first, @"Showing 1 to 50 of (\d+)").Groups[1].Value);
        Assert.True(total >= Added + 6);
        Assert.Contains($"Showing 51 to {total} of {total}", second);
        Assert.Empty(Table(first).Intersect(Table(second)));
        Assert.Equal(Added, Table(first).Count + Table(second).Count);
        Assert.Contains("pageNumber=2", first);
        // "Done by … of N" counts every mentor taking part, not the page.
        Assert.Contains($" of {total}</td>", first);
    }

    [Fact]
    public async Task Search_finds_one_mentor_by_code_or_name()
    {
        var id = await WithManyMentorsAsync();
        var coordinator = await AsAsync("coordinator");
        var url = $"/programmes/{id}/preparation/readiness";
        Assert.Equal(["RP-042"], Table(await coordinator.GetStringAsync($"{url}?search=rp-042")));
        Assert.Equal(["RP-007"], Table(await coordinator.GetStringAsync($"{url}?search=Readiness%20Mentor%20007")));
        Assert.Contains("No mentor matches", await coordinator.GetStringAsync($"{url}?search=nobody-by-this-name"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("x")]
    [InlineData("999")]
    public async Task A_bad_page_number_shows_a_page(string pageNumber)
    {
        var id = await WithManyMentorsAsync();
        var response = await (await AsAsync("coordinator")).GetAsync($"/programmes/{id}/preparation/readiness?pageNumber={pageNumber}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(Table(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Only_the_people_running_the_programme_see_it()
    {
        var id = await WithManyMentorsAsync();
        foreach (var who in new[] { "mentor1", "mentee1", "researcher" })
        {
            DemoPeople.AssertRefused(await (await AsAsync(who)).GetAsync($"/programmes/{id}/preparation/readiness?pageNumber=2&search=rp"), who);
        }
    }
}

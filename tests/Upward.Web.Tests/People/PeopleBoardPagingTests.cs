using System.Net;
using System.Text.RegularExpressions;
using Upward.Core.Programmes;
using Upward.Data.Identity;
using Upward.Web.Pages.People;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.People;

/// <summary>
/// The people board at more people than a page holds: pages follow on from each other without gaps or
/// repeats, search finds one person by name or code, and a bad page number shows a page rather than an error.
/// </summary>
public sealed partial class PeopleBoardPagingTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    private const int Added = 70;

    [GeneratedRegex(@"ZZ-\d{3}")]
    private static partial Regex AddedCode();

    private async Task<Guid> WithManyMentorsAsync()
    {
        var id = await ProgrammeIdAsync();
        await Factory.WithDbAsync(async db =>
        {
            if (db.Enrolments.Any(e => e.ProgrammeId == id && e.ParticipantCode == "ZZ-001")) return;
            var organisation = db.Programmes.Single(p => p.Id == id).OrganisationId;
            for (var i = 1; i <= Added; i++)
            {
                var email = $"paging{i:000}@example.nhs.uk";
                var user = new UpwardUser { UserName = email, Email = email, DisplayName = $"Paging Person {i:000}", OrganisationId = organisation };
                db.Users.Add(user);
                db.Enrolments.Add(new Enrolment { ProgrammeId = id, UserId = user.Id, Role = ProgrammeRole.Mentor, Status = EnrolmentStatus.Consented, ParticipantCode = $"ZZ-{i:000}" });
            }
            await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>How many mentors the board's summary says have agreed to take part.</summary>
    private static string Summary(string html) => Regex.Match(html, @"(\d+) mentors and \d+ mentees have agreed").Groups[1].Value;

    private static int RowCount(string html) => Regex.Count(html, "<tr role=\"row\" class=\"nhsuk-table__row\">");

    private static List<string> Codes(string html) => AddedCode().Matches(html).Select(m => m.Value).ToList();

    [Fact]
    public async Task Page_two_shows_the_people_after_page_one_and_no_one_twice()
    {
        var id = await WithManyMentorsAsync();
        var coordinator = await AsAsync("coordinator");
        var first = await coordinator.GetStringAsync($"/programmes/{id}/people");
        var second = await coordinator.GetStringAsync($"/programmes/{id}/people?pageNumber=2");

        Assert.Equal(PeopleModel.PageSize, RowCount(first));
        var total = int.Parse(Regex.Match(first, @"Showing 1 to 50 of (\d+)").Groups[1].Value);
        Assert.True(total > PeopleModel.PageSize);
        Assert.Equal(total - PeopleModel.PageSize, RowCount(second));
        Assert.Contains($"Showing 51 to {total} of {total}", second);

        // The added mentors are in code order: page one ends where page two begins.
        var onFirst = Codes(first);
        var onSecond = Codes(second);
        Assert.Contains("ZZ-001", onFirst);
        Assert.Contains($"ZZ-{Added:000}", onSecond);
        Assert.Empty(onFirst.Intersect(onSecond));
        Assert.Equal(Added, onFirst.Count + onSecond.Count);
        Assert.True(string.CompareOrdinal(onFirst.Max(), onSecond.Min()) < 0);

        // NHS.UK pagination links to the other page, keeping the search.
        Assert.Contains("nhsuk-pagination--numbered", first);
        Assert.Contains($"/programmes/{id}/people?pageNumber=2", first);
        Assert.Contains("aria-current=\"page\"", second);
    }

    [Theory]
    [InlineData("paging person 007", "ZZ-007")]
    [InlineData("zz-042", "ZZ-042")]
    public async Task Search_finds_one_person_by_name_or_code(string search, string code)
    {
        var id = await WithManyMentorsAsync();
        var coordinator = await AsAsync("coordinator");
        var html = await coordinator.GetStringAsync($"/programmes/{id}/people?search={Uri.EscapeDataString(search)}");
        Assert.Equal(1, RowCount(html));
        Assert.Equal([code], Codes(html));
        Assert.Contains("Showing 1 to 1 of 1", html);
        // The summary is still of the whole programme.
        var everyone = await coordinator.GetStringAsync($"/programmes/{id}/people");
        Assert.Equal(Summary(everyone), Summary(html));
        Assert.True(int.Parse(Summary(html)) > Added);
    }

    [Fact]
    public async Task A_search_that_matches_nobody_says_so()
    {
        var id = await WithManyMentorsAsync();
        var html = await (await AsAsync("coordinator")).GetStringAsync($"/programmes/{id}/people?search=nobody-by-this-name");
        Assert.Equal(0, RowCount(html));
        Assert.Contains("Nobody matches ‘nobody-by-this-name’", WebUtility.HtmlDecode(html));
    }

    [Theory]
    [InlineData("0", 1)]
    [InlineData("-3", 1)]
    [InlineData("abc", 1)]
    [InlineData("99999", 2)]
    [InlineData("2147483648", 1)]
    public async Task A_bad_page_number_shows_the_nearest_page(string pageNumber, int shown)
    {
        var id = await WithManyMentorsAsync();
        var response = await (await AsAsync("coordinator")).GetAsync($"/programmes/{id}/people?pageNumber={pageNumber}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(shown == 1 ? "Showing 1 to 50 of" : "Showing 51 to", html);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Colleagues;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data.Identity;
using Upward.Web.Tests.Infrastructure;
using static Upward.Web.Tests.Colleagues.ColleagueSteps;

namespace Upward.Web.Tests.Colleagues;

/// <summary>
/// The coordinator's colleague lists at more mentees than a page holds: requests to approve and comments
/// to read come 25 mentees a page, by name, found by name or code, and a decision on page 2 of a search
/// comes back to page 2 of that search.
/// </summary>
public sealed partial class ColleagueListPagingTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private const int Added = 30;
    private const int PageSize = 25;

    [GeneratedRegex("<h2 id=\"mentee-[^\"]+\">([^<]+)</h2>")]
    private static partial Regex MenteeHeading();

    private static List<string> Mentees(string html) => MenteeHeading().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    private static List<string> Added_(string html) => Mentees(html).Where(n => n.StartsWith("Colleague Paging ", StringComparison.Ordinal)).ToList();

    /// <summary>30 mentees, "Colleague Paging 01" to "30" (codes CP-01 to CP-30), each with a request waiting and a comment to read.</summary>
    private Task<Guid> WithManyMenteesAsync() => WithManyMenteesAsync(factory);

    private static async Task<Guid> WithManyMenteesAsync(UpwardFactory factory)
    {
        await TurnOnAsync(factory);
        var id = await factory.ProgrammeIdAsync();
        await factory.WithDbAsync(async db =>
        {
            if (await db.Enrolments.AnyAsync(e => e.ProgrammeId == id && e.ParticipantCode == "CP-01")) return;
            var organisation = await db.Programmes.Where(p => p.Id == id).Select(p => p.OrganisationId).SingleAsync();
            var domain = await db.ProgrammeDomains.Where(d => d.ProgrammeId == id).OrderBy(d => d.Position).Select(d => d.Id).FirstAsync();
            for (var i = 1; i <= Added; i++)
            {
                var email = $"colleague.paging{i:00}@example.nhs.uk";
                var user = new UpwardUser { UserName = email, Email = email, DisplayName = $"Colleague Paging {i:00}", OrganisationId = organisation };
                db.Users.Add(user);
                var enrolment = new Enrolment { ProgrammeId = id, UserId = user.Id, Role = ProgrammeRole.Mentee, Status = EnrolmentStatus.Consented, ParticipantCode = $"CP-{i:00}" };
                db.Enrolments.Add(enrolment);
                db.ColleagueInvitations.Add(new ColleagueInvitation
                {
                    ProgrammeId = id, MenteeEnrolmentId = enrolment.Id, Email = $"colleague.of.{i:00}@example.nhs.uk", ColleagueName = $"Colleague of {i:00}",
                    WorkingRelationship = "Same ward", InvitedAtUtc = DateTime.UtcNow,
                });
                db.AnonymousContributions.Add(new AnonymousContribution
                {
                    ProgrammeId = id, MenteeEnrolmentId = enrolment.Id, DomainId = domain, Text = $"Comment about mentee {i:00}", Source = ContributionSource.Colleague,
                });
            }
            await db.SaveChangesAsync();
        });
        return id;
    }

    [Theory]
    [InlineData("requests", "coordinator")]
    [InlineData("review", "facilitator")]
    public async Task Page_two_carries_on_by_name_from_page_one(string list, string who)
    {
        var id = await WithManyMenteesAsync();
        var client = await factory.AsAsync(who);
        var first = await client.GetStringAsync($"/programmes/{id}/colleague-feedback/{list}");
        var second = await client.GetStringAsync($"/programmes/{id}/colleague-feedback/{list}?pageNumber=2");

        Assert.Equal(PageSize, Mentees(first).Count);
        var both = Added_(first).Concat(Added_(second)).ToList();
        Assert.Equal(Enumerable.Range(1, Added).Select(i => $"Colleague Paging {i:00}"), both);
        Assert.NotEmpty(Added_(second));
        Assert.Contains("Showing 1 to 25 of", first);
        Assert.Contains("Showing 26 to", second);
        Assert.Contains("nhsuk-pagination--numbered", first);
        Assert.Contains($"/programmes/{id}/colleague-feedback/{list}?pageNumber=2", first);
        // Only the mentees shown bring their requests or comments.
        var detail = list == "review" ? "Comment about mentee" : "Colleague of";
        Assert.Contains($"{detail} 01", first);
        Assert.DoesNotContain($"{detail} 30", first);
        Assert.Contains($"{detail} 30", second);

        // A page past the end shows the last one, never an error.
        var past = await client.GetAsync($"/programmes/{id}/colleague-feedback/{list}?pageNumber=999");
        Assert.Equal(HttpStatusCode.OK, past.StatusCode);
        Assert.Contains("Showing 26 to", await past.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("requests", "coordinator", "colleague paging 07", "Colleague Paging 07")]
    [InlineData("requests", "coordinator", "cp-12", "Colleague Paging 12")]
    [InlineData("review", "facilitator", "COLLEAGUE PAGING 21", "Colleague Paging 21")]
    [InlineData("review", "coordinator", "cp-03", "Colleague Paging 03")]
    public async Task Search_finds_one_mentee_by_name_or_code(string list, string who, string search, string name)
    {
        var id = await WithManyMenteesAsync();
        var client = await factory.AsAsync(who);
        var html = await client.GetStringAsync($"/programmes/{id}/colleague-feedback/{list}?search={Uri.EscapeDataString(search)}");
        Assert.Equal([name], Mentees(html));
        Assert.Contains("Showing 1 to 1 of 1 mentee", html);
        Assert.Contains($"value=\"{search}\"", html);

        var none = await client.GetStringAsync($"/programmes/{id}/colleague-feedback/{list}?search=nobody-by-this-name");
        Assert.Empty(Mentees(none));
        Assert.Contains("matches ‘nobody-by-this-name’", WebUtility.HtmlDecode(none));
    }

    [Fact]
    public async Task Approving_on_page_two_of_a_search_comes_back_to_page_two_of_it()
    {
        // Its own programme's data: the decisions below would change what the other tests page through.
        using var own = new DemoFactory();
        var id = await WithManyMenteesAsync(own);
        var coordinator = await own.AsAsync("coordinator");
        var view = $"/programmes/{id}/colleague-feedback/requests?search=colleague%20paging&pageNumber=2";
        var html = await coordinator.GetStringAsync(view);
        Assert.Equal(Enumerable.Range(26, 5).Select(i => $"Colleague Paging {i:00}"), Mentees(html));

        // The buttons post to an address that keeps the page and the search.
        var approve = WebUtility.HtmlDecode(Regex.Match(html, "action=\"([^\"]*handler=Approve[^\"]*)\"").Groups[1].Value);
        Assert.Contains("pageNumber=2", approve);
        Assert.Contains("search=colleague%20paging", approve);
        var response = await coordinator.SubmitAsync(view, new Dictionary<string, string>(), approve);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var back = response.Headers.Location!.OriginalString;
        Assert.Contains("done=approved", back);
        Assert.Contains("pageNumber=2", back);
        Assert.Contains("search=colleague%20paging", back);

        var after = await coordinator.GetStringAsync(back);
        Assert.Contains("Approved: Colleague of 26", after);
        Assert.Equal(Enumerable.Range(27, 4).Select(i => $"Colleague Paging {i:00}"), Mentees(after));

        var decline = WebUtility.HtmlDecode(Regex.Match(after, "action=\"([^\"]*handler=Decline[^\"]*)\"").Groups[1].Value);
        var declined = await coordinator.SubmitAsync(back, new Dictionary<string, string>(), decline);
        Assert.Contains("pageNumber=2", declined.Headers.Location!.OriginalString);
        Assert.Contains("search=colleague%20paging", declined.Headers.Location!.OriginalString);
        Assert.Equal(ColleagueInvitationStatus.Declined, await own.WithDbAsync(db => db.ColleagueInvitations.Where(i => i.ColleagueName == "Colleague of 27").Select(i => i.Status).SingleAsync()));
    }

    [Fact]
    public async Task Removing_or_showing_on_page_two_of_a_search_comes_back_to_page_two_of_it()
    {
        // Its own programme's data: the decisions below would change what the other tests page through.
        using var own = new DemoFactory();
        var id = await WithManyMenteesAsync(own);
        var facilitator = await own.AsAsync("facilitator");
        var view = $"/programmes/{id}/colleague-feedback/review?search=colleague%20paging&pageNumber=2";
        var html = await facilitator.GetStringAsync(view);
        Assert.Contains("Comment about mentee 26", html);

        // "Remove" asks first, showing the words and keeping the page and search to come back to.
        var confirm = WebUtility.HtmlDecode(Regex.Match(html, "href=\"([^\"]*remove=[^\"]*)\"[^>]*>Remove<span class=\"nhsuk-u-visually-hidden\"> this comment about Colleague Paging 26<").Groups[1].Value);
        Assert.NotEqual("", confirm);
        var asking = WebUtility.HtmlDecode(await facilitator.GetStringAsync(confirm));
        Assert.Contains("<h1>Remove this comment?</h1>", asking);
        Assert.Contains("Comment about mentee 26", asking);
        Assert.DoesNotContain("Comment about mentee 27", asking);
        Assert.Contains("No, go back to the comments", asking);
        Assert.True(await own.WithDbAsync(db => db.AnonymousContributions.AnyAsync(c => c.Text == "Comment about mentee 26")), "asking removes nothing");
        var remove = Regex.Match(asking, "action=\"([^\"]*handler=Remove[^\"]*)\"").Groups[1].Value;
        var removed = await facilitator.SubmitAsync(confirm, new Dictionary<string, string>(), remove);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        foreach (var part in new[] { "done=removed", "pageNumber=2", "search=colleague%20paging" }) Assert.Contains(part, removed.Headers.Location!.OriginalString);
        Assert.DoesNotContain("Comment about mentee 26", await facilitator.GetStringAsync(removed.Headers.Location!.OriginalString));
        // Asked again for the comment now gone (a second tab, or another facilitator): the list as it stands.
        var again = await facilitator.GetStringAsync(confirm);
        Assert.DoesNotContain("Remove this comment?", again);
        Assert.Contains("<h1>Colleagues' feedback to read</h1>", WebUtility.HtmlDecode(again));

        var after = await facilitator.GetStringAsync(removed.Headers.Location!.OriginalString);
        var show = WebUtility.HtmlDecode(Regex.Match(after, "action=\"([^\"]*handler=Show[^\"]*)\"").Groups[1].Value);
        var shown = await facilitator.SubmitAsync(view, new Dictionary<string, string>(), show);
        foreach (var part in new[] { "done=shown", "pageNumber=2", "search=colleague%20paging" }) Assert.Contains(part, shown.Headers.Location!.OriginalString);
        Assert.True(await own.WithDbAsync(db => db.AnonymousContributions.AnyAsync(c => c.Text == "Comment about mentee 27" && c.ShownToMentee)));
    }

    [Fact]
    public async Task A_mentee_reads_neither_list_whatever_the_page_or_search()
    {
        var id = await WithManyMenteesAsync();
        var mentee = await factory.AsAsync("mentee1");
        foreach (var list in new[] { "requests", "review" })
        {
            DemoPeople.AssertRefused(await mentee.GetAsync($"/programmes/{id}/colleague-feedback/{list}?search=colleague&pageNumber=2"), list);
        }
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Data.Identity;
using Upward.Web.Tests.Infrastructure;
using Upward.Web.Tests.People;

namespace Upward.Web.Tests.PhaseOne;

/// <summary>
/// Willingness with more mentees than a page holds (issue 21): a mentor's form a page at a time, where
/// saving one page keeps the answers on the others, with search and a filter by answer; and the
/// coordinator's lists of mentors and mentees, paged, searched and sorted, each leading to one person's answers.
/// </summary>
public sealed partial class WillingnessPagingTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    private const int Added = 60;

    [GeneratedRegex(@"WP-\d{3}")]
    private static partial Regex AddedCode();

    /// <summary>The demo programme with 60 more mentees, WP-001 to WP-060 (the demo's own five, ME- codes, sort before them).</summary>
    private async Task<Guid> WithManyMenteesAsync()
    {
        var id = await ProgrammeIdAsync();
        await Factory.WithDbAsync(async db =>
        {
            if (await db.Enrolments.AnyAsync(e => e.ProgrammeId == id && e.ParticipantCode == "WP-001")) return;
            var organisation = await db.Programmes.Where(p => p.Id == id).Select(p => p.OrganisationId).SingleAsync();
            for (var i = 1; i <= Added; i++)
            {
                var email = $"paged{i:000}@example.nhs.uk";
                var user = new UpwardUser { UserName = email, Email = email, DisplayName = $"Paged Mentee {i:000}", OrganisationId = organisation };
                db.Users.Add(user);
                db.Enrolments.Add(new Enrolment { ProgrammeId = id, UserId = user.Id, Role = ProgrammeRole.Mentee, Status = EnrolmentStatus.Consented, ParticipantCode = $"WP-{i:000}" });
            }
            await db.SaveChangesAsync();
        });
        return id;
    }

    private static List<string> Names(string html) => Regex.Matches(html, @"<h2 class=""nhsuk-heading-m"">(Paged Mentee \d{3})</h2>").Select(m => m.Groups[1].Value).ToList();

    private static List<string> Codes(string html) => AddedCode().Matches(html).Select(m => m.Value).Distinct().ToList();

    /// <summary>The mentee ids a willingness page's form sends, in order.</summary>
    private static List<string> FormMentees(string html) =>
        Regex.Matches(html, @"name=""Answers\[\d+\]\.MenteeEnrolmentId"" value=""([0-9a-f-]+)""").Select(m => m.Groups[1].Value).ToList();

    private static Dictionary<string, string> AllYes(IReadOnlyList<string> mentees, string reason)
    {
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < mentees.Count; i++)
        {
            fields[$"Answers[{i}].MenteeEnrolmentId"] = mentees[i];
            fields[$"Answers[{i}].Willing"] = "true";
            fields[$"Answers[{i}].Reason"] = reason;
        }
        return fields;
    }

    [Fact]
    public async Task Saving_a_page_of_the_mentors_form_keeps_the_answers_on_the_other_pages()
    {
        var id = await WithManyMenteesAsync();
        var url = $"/programmes/{id}/phase-one/willingness";
        var mentor = await AsAsync("mentor5");
        var mentorId = await Factory.EnrolmentIdAsync("mentor5");

        var first = await mentor.GetStringAsync(url);
        var second = await mentor.GetStringAsync($"{url}?pageNumber=2");
        var firstIds = FormMentees(first);
        var secondIds = FormMentees(second);
        Assert.Equal(25, firstIds.Count);
        Assert.Equal(25, secondIds.Count);
        Assert.Empty(firstIds.Intersect(secondIds));
        Assert.Contains("pageNumber=2", first);

        Assert.Equal(HttpStatusCode.Redirect, (await mentor.SubmitAsync(url, AllYes(firstIds, "page one"))).StatusCode);
        var saved = await mentor.SubmitAsync($"{url}?pageNumber=2", AllYes(secondIds, "page two"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("pageNumber=2", saved.Headers.Location!.ToString());

        var stored = await Factory.WithDbAsync(db => db.Willingness.Where(w => w.MentorEnrolmentId == mentorId).ToListAsync());
        Assert.All(firstIds, m => Assert.Equal("page one", stored.Single(w => w.MenteeEnrolmentId.ToString() == m).PrivateReason));
        Assert.All(secondIds, m => Assert.Equal("page two", stored.Single(w => w.MenteeEnrolmentId.ToString() == m).PrivateReason));
        Assert.Matches(@"You have answered about \d+ of 65 mentees", await mentor.GetStringAsync(url));
    }

    [Fact]
    public async Task A_mentor_finds_a_mentee_and_reviews_their_answers_by_filter()
    {
        var id = await WithManyMenteesAsync();
        var url = $"/programmes/{id}/phase-one/willingness";
        var mentor = await AsAsync("mentor6");
        // The mentor's form names mentees (their codes are for the coordinator), and finds them by either.
        Assert.Equal(["Paged Mentee 017"], Names(await mentor.GetStringAsync($"{url}?search=paged%20mentee%20017")));
        Assert.Equal(["Paged Mentee 018"], Names(await mentor.GetStringAsync($"{url}?search=wp-018")));
        Assert.Contains("No mentee here matches", await mentor.GetStringAsync($"{url}?search=nobody-by-this-name"));

        // Answer one mentee, found by search: the filters then split the list by answer.
        var one = FormMentees(await mentor.GetStringAsync($"{url}?search=Paged%20Mentee%20003"));
        Assert.Single(one);
        var fields = new Dictionary<string, string> { ["Answers[0].MenteeEnrolmentId"] = one[0], ["Answers[0].Willing"] = "false" };
        Assert.Equal(HttpStatusCode.Redirect, (await mentor.SubmitAsync($"{url}?search=Paged%20Mentee%20003", fields)).StatusCode);
        var no = await mentor.GetStringAsync($"{url}?show=no");
        Assert.Equal([one[0]], FormMentees(no).Intersect([one[0]]).ToList());
        Assert.DoesNotContain(one[0], FormMentees(await mentor.GetStringAsync($"{url}?show=unanswered")));
        Assert.DoesNotContain(one[0], FormMentees(await mentor.GetStringAsync($"{url}?show=unanswered&pageNumber=2")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("lots")]
    [InlineData("999")]
    public async Task A_bad_page_number_shows_a_page_of_either_willingness_page(string pageNumber)
    {
        var id = await WithManyMenteesAsync();
        var mentor = await (await AsAsync("mentor1")).GetAsync($"/programmes/{id}/phase-one/willingness?pageNumber={pageNumber}");
        Assert.Equal(HttpStatusCode.OK, mentor.StatusCode);
        Assert.NotEmpty(FormMentees(await mentor.Content.ReadAsStringAsync()));
        var coordinator = await (await AsAsync("coordinator")).GetAsync($"/programmes/{id}/phase-one/willingness/all?view=mentees&pageNumber={pageNumber}");
        Assert.Equal(HttpStatusCode.OK, coordinator.StatusCode);
        Assert.NotEmpty(Codes(await coordinator.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_coordinator_pages_searches_and_sorts_the_mentees_and_opens_one_persons_answers()
    {
        var id = await WithManyMenteesAsync();
        var coordinator = await AsAsync("coordinator");
        var url = $"/programmes/{id}/phase-one/willingness/all";

        // By code: the added mentees fill page one and start page two, nobody twice.
        var first = await coordinator.GetStringAsync($"{url}?view=mentees&sort=code");
        var second = await coordinator.GetStringAsync($"{url}?view=mentees&sort=code&pageNumber=2");
        Assert.Contains("Showing 1 to 50 of 65", first);
        Assert.Equal(Added, Codes(first).Count + Codes(second).Count);
        Assert.Empty(Codes(first).Intersect(Codes(second)));

        // Fewest willing first puts the added mentees (nobody has answered about them) before the demo's; most willing puts them last.
        var fewest = await coordinator.GetStringAsync($"{url}?view=mentees");
        var most = await coordinator.GetStringAsync($"{url}?view=mentees&sort=most");
        Assert.True(fewest.IndexOf("WP-001", StringComparison.Ordinal) < fewest.IndexOf("ME-", StringComparison.Ordinal) || !fewest.Contains("ME-"));
        Assert.True(most.IndexOf("ME-", StringComparison.Ordinal) < most.IndexOf("WP-0", StringComparison.Ordinal));

        Assert.Equal(["WP-023"], Codes(await coordinator.GetStringAsync($"{url}?view=mentees&search=wp-023")));
        Assert.Contains("Nothing matches", await coordinator.GetStringAsync($"{url}?view=mentees&search=nobody-by-this-name"));

        // A mentor's answers, from the mentors' list.
        var mentor2 = await Factory.EnrolmentIdAsync("mentor2");
        var mentors = await coordinator.GetStringAsync(url);
        Assert.Contains($"person={mentor2}", mentors);
        var answers = await coordinator.GetStringAsync($"{url}?person={mentor2}");
        Assert.Contains("id=\"answers\"", answers);
        Assert.Matches(">(Yes|No)<", answers);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"{url}?person={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Only_the_coordinator_sees_one_persons_answers()
    {
        var id = await WithManyMenteesAsync();
        var mentor2 = await Factory.EnrolmentIdAsync("mentor2");
        foreach (var who in new[] { "mentor1", "mentee1", "facilitator", "researcher" })
        {
            DemoPeople.AssertRefused(await (await AsAsync(who)).GetAsync($"/programmes/{id}/phase-one/willingness/all?person={mentor2}"), who);
        }
    }
}

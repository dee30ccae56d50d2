using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Upward.Core.People;
using Upward.Core.Programmes;
using Upward.Data.Identity;
using Upward.Web.Demo;
using Upward.Web.Pages.People;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.People;

/// <summary>
/// The people board sorted and filtered in the database: a sort holds across a page boundary both ways,
/// each filter shows exactly the people it names, search, filters and sort survive paging, values the
/// board does not offer show the default, and nobody but the programme's coordinator sees any of it.
/// </summary>
public sealed partial class PeopleBoardSortAndFilterTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    /// <summary>Added mentors, named so their order is the same by every collation: "Sortable Person 01" to "60".</summary>
    private const int Added = 60;

    [GeneratedRegex("aria-hidden=\"true\">Name </span>([^<]*)</td>")]
    private static partial Regex NameCell();

    [GeneratedRegex("aria-hidden=\"true\">Role </span>([^<]*)</td>")]
    private static partial Regex RoleCell();

    [GeneratedRegex("aria-hidden=\"true\">Code </span>([^<]*)</td>")]
    private static partial Regex CodeCell();

    [GeneratedRegex("aria-hidden=\"true\">Where they are </span>([^<]*)</td>")]
    private static partial Regex StageCell();

    [GeneratedRegex(@"Showing [\d,]+ to [\d,]+ of ([\d,]+)")]
    private static partial Regex Total();

    private static List<string> Cells(Regex cell, string html) => cell.Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim()).ToList();

    private static int TotalOf(string html) => int.Parse(Total().Match(html).Groups[1].Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The added mentors plus one person at each other stage: withdrawn, declined, not yet answered, and an open invitation.</summary>
    private async Task<Guid> WithPeopleAsync()
    {
        var id = await ProgrammeIdAsync();
        await Factory.WithDbAsync(async db =>
        {
            if (await db.Enrolments.AnyAsync(e => e.ProgrammeId == id && e.ParticipantCode == "ST-01")) return;
            var organisation = await db.Programmes.Where(p => p.Id == id).Select(p => p.OrganisationId).SingleAsync();
            void Add(string code, string name, ProgrammeRole role, EnrolmentStatus status)
            {
                var email = $"{code.ToLowerInvariant()}@example.nhs.uk";
                var user = new UpwardUser { UserName = email, Email = email, DisplayName = name, OrganisationId = organisation };
                db.Users.Add(user);
                db.Enrolments.Add(new Enrolment { ProgrammeId = id, UserId = user.Id, Role = role, Status = status, ParticipantCode = code });
            }
            for (var i = 1; i <= Added; i++) Add($"ST-{i:00}", $"Sortable Person {i:00}", ProgrammeRole.Mentor, EnrolmentStatus.Consented);
            Add("SW-01", "Sortable Withdrawn Mentee", ProgrammeRole.Mentee, EnrolmentStatus.Withdrawn);
            Add("SD-01", "Sortable Declined Mentor", ProgrammeRole.Mentor, EnrolmentStatus.Declined);
            Add("SN-01", "Sortable Unanswered Mentee", ProgrammeRole.Mentee, EnrolmentStatus.Invited);
            var now = DateTime.UtcNow;
            db.Invitations.Add(new Invitation
            {
                ProgrammeId = id, Email = "sortable.invited@example.nhs.uk", Name = "Sortable Invited Mentee", Role = ProgrammeRole.Mentee,
                TokenHash = Guid.NewGuid().ToString("N"), CreatedAtUtc = now, ExpiresAtUtc = now.AddDays(14),
            });
            await db.SaveChangesAsync();
        });
        return id;
    }

    private static List<string> Added_(IEnumerable<string> names) => names.Where(n => n.StartsWith("Sortable Person ", StringComparison.Ordinal)).ToList();

    [Theory]
    [InlineData(PeopleBoardSort.Name, false)]
    [InlineData(PeopleBoardSort.NameDescending, true)]
    public async Task Sorting_by_name_holds_across_the_page_boundary(string sort, bool descending)
    {
        var id = await WithPeopleAsync();
        var coordinator = await AsAsync("coordinator");
        var first = await coordinator.GetStringAsync($"/programmes/{id}/people?sort={sort}");
        var second = await coordinator.GetStringAsync($"/programmes/{id}/people?sort={sort}&pageNumber=2");

        Assert.Equal(PeopleModel.PageSize, Cells(NameCell(), first).Count);
        var onFirst = Added_(Cells(NameCell(), first));
        var onSecond = Added_(Cells(NameCell(), second));
        // The 60 straddle the boundary, each once, and page two carries on where page one stopped.
        Assert.NotEmpty(onFirst);
        Assert.NotEmpty(onSecond);
        var both = onFirst.Concat(onSecond).ToList();
        var expected = Enumerable.Range(1, Added).Select(i => $"Sortable Person {i:00}");
        Assert.Equal(descending ? expected.Reverse() : expected, both);
        Assert.Equal(TotalOf(first), Cells(NameCell(), first).Count + Cells(NameCell(), second).Count);

        // The sorted column says so to a screen reader, and the "Sort by" list shows the choice.
        Assert.Matches($"aria-sort=\"{(descending ? "descending" : "ascending")}\">Name</th>", first);
        Assert.Contains($"<option value=\"{sort}\" selected=\"selected\">", first);
        Assert.Contains($"/programmes/{id}/people?sort={sort}&amp;pageNumber=2", first);
    }

    [Fact]
    public async Task The_default_order_is_by_role_then_code_with_invitations_after_and_the_reverse_turns_the_codes_round()
    {
        var id = await WithPeopleAsync();
        var coordinator = await AsAsync("coordinator");
        var byDefault = await coordinator.GetStringAsync($"/programmes/{id}/people?role=mentors&status=agreed");
        var reversed = await coordinator.GetStringAsync($"/programmes/{id}/people?role=mentors&status=agreed&sort=code-desc");
        var codes = Cells(CodeCell(), byDefault);
        Assert.Equal(codes.Where(c => c.StartsWith("MR-", StringComparison.Ordinal)), codes.Take(codes.Count(c => c.StartsWith("MR-", StringComparison.Ordinal))));
        Assert.Equal("ST-01", codes.First(c => c.StartsWith("ST-", StringComparison.Ordinal)));
        Assert.Equal("ST-60", Cells(CodeCell(), reversed).First(c => c.StartsWith("ST-", StringComparison.Ordinal)));
        Assert.Matches("aria-sort=\"descending\">Code</th>", reversed);

        // Invitations have no code yet and come after everyone who has one.
        var mentees = Cells(CodeCell(), await coordinator.GetStringAsync($"/programmes/{id}/people?role=mentees"));
        Assert.Equal("–", mentees[^1]);
        Assert.All(mentees.SkipWhile(c => c != "–"), c => Assert.Equal("–", c));
    }

    [Theory]
    [InlineData(PeopleBoardFilter.Mentors, "Mentor", ProgrammeRole.Mentor)]
    [InlineData(PeopleBoardFilter.Mentees, "Mentee", ProgrammeRole.Mentee)]
    public async Task Filtering_by_role_shows_that_role_only_and_all_of_it(string role, string shown, ProgrammeRole expected)
    {
        var id = await WithPeopleAsync();
        var html = await (await AsAsync("coordinator")).GetStringAsync($"/programmes/{id}/people?role={role}");
        var inDatabase = await Factory.WithDbAsync(async db =>
            await db.Enrolments.CountAsync(e => e.ProgrammeId == id && e.Role == expected)
            + await db.Invitations.CountAsync(i => i.ProgrammeId == id && i.Role == expected && i.AcceptedAtUtc == null));

        Assert.Equal(inDatabase, TotalOf(html));
        Assert.NotEmpty(Cells(RoleCell(), html));
        Assert.All(Cells(RoleCell(), html), r => Assert.Equal(shown, r));
        Assert.Contains($"<option value=\"{role}\" selected=\"selected\">", html);
        Assert.Contains($"({role})", html);
    }

    [Theory]
    [InlineData(PeopleBoardFilter.Withdrawn, "Sortable Withdrawn Mentee", "Withdrawn")]
    [InlineData(PeopleBoardFilter.Declined, "Sortable Declined Mentor", "Chose not to take part")]
    [InlineData(PeopleBoardFilter.NotAnswered, "Sortable Unanswered Mentee", "Joined, has not answered the consent questions")]
    [InlineData(PeopleBoardFilter.Invited, "Sortable Invited Mentee", "Invit")]
    public async Task Filtering_by_where_they_are_shows_only_people_there(string status, string name, string stage)
    {
        var id = await WithPeopleAsync();
        var coordinator = await AsAsync("coordinator");
        var html = await coordinator.GetStringAsync($"/programmes/{id}/people?status={status}");
        var names = Cells(NameCell(), html);
        Assert.Contains(name, names);
        Assert.DoesNotContain("Sortable Person 01", names);
        Assert.All(Cells(StageCell(), html), s => Assert.StartsWith(stage, s));
        if (status == PeopleBoardFilter.Invited)
        {
            Assert.All(Cells(CodeCell(), html), c => Assert.Equal("–", c));
        }

        // With a role as well, both hold.
        var otherRole = name.EndsWith("Mentee", StringComparison.Ordinal) ? PeopleBoardFilter.Mentors : PeopleBoardFilter.Mentees;
        var narrowed = await coordinator.GetStringAsync($"/programmes/{id}/people?status={status}&role={otherRole}");
        Assert.DoesNotContain(name, Cells(NameCell(), narrowed));
    }

    [Fact]
    public async Task Agreed_to_take_part_counts_exactly_the_consented_mentors()
    {
        var id = await WithPeopleAsync();
        var html = await (await AsAsync("coordinator")).GetStringAsync($"/programmes/{id}/people?status=agreed&role=mentors");
        var consented = await Factory.WithDbAsync(db => db.Enrolments.Where(e => e.ProgrammeId == id && e.Role == ProgrammeRole.Mentor && e.Status == EnrolmentStatus.Consented)
            .Select(e => e.ParticipantCode).ToListAsync());
        Assert.Equal(consented.Count, TotalOf(html));
        Assert.Subset(consented.ToHashSet(), Cells(CodeCell(), html).ToHashSet());
        Assert.DoesNotContain("SD-01", Cells(CodeCell(), html));
    }

    [Fact]
    public async Task Search_filters_and_sort_survive_paging_and_a_new_search_starts_at_page_one()
    {
        var id = await WithPeopleAsync();
        var coordinator = await AsAsync("coordinator");
        var first = await coordinator.GetStringAsync($"/programmes/{id}/people?search=sortable+person&role=mentors&status=agreed&sort=name-desc");
        Assert.Equal(Added, TotalOf(first));
        var link = Regex.Match(first, "href=\"([^\"]+)\" aria-label=\"Page 2\"").Groups[1].Value;
        var next = WebUtility.HtmlDecode(link);
        foreach (var part in new[] { "search=sortable%20person", "role=mentors", "status=agreed", "sort=name-desc", "pageNumber=2" })
        {
            Assert.Contains(part, next);
        }

        var second = await coordinator.GetStringAsync(next);
        Assert.Contains($"Showing 51 to {Added} of {Added}", second);
        Assert.Equal(Enumerable.Range(1, 10).Reverse().Select(i => $"Sortable Person {i:00}"), Cells(NameCell(), second));
        Assert.Contains("value=\"sortable person\"", second);
        Assert.Contains("<option value=\"name-desc\" selected=\"selected\">", second);
        Assert.Contains("<option value=\"mentors\" selected=\"selected\">", second);
        Assert.Contains("<option value=\"agreed\" selected=\"selected\">", second);
        // The page back carries them too; the search form itself has no page number, so searching again starts at page 1.
        Assert.Contains("rel=\"prev\"", second);
        Assert.DoesNotContain("name=\"pageNumber\"", second);
        Assert.Contains("Showing 1 to", await coordinator.GetStringAsync($"/programmes/{id}/people?search=sortable&role=mentors&status=agreed&sort=name-desc"));
    }

    [Theory]
    [InlineData("sort=bogus")]
    [InlineData("sort=name%27%3B--&role=admins&status=%3Cscript%3E")]
    [InlineData("role=everyone&status=paired&sort=")]
    [InlineData("sort=name&sort=role&role[]=x")]
    public async Task Values_the_board_does_not_offer_show_the_default(string query)
    {
        var id = await WithPeopleAsync();
        var coordinator = await AsAsync("coordinator");
        var byDefault = await coordinator.GetStringAsync($"/programmes/{id}/people");
        var response = await coordinator.GetAsync($"/programmes/{id}/people?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        if (query.Contains("sort=name&sort=role", StringComparison.Ordinal)) return; // Two sorts: one of them, never an error.
        Assert.Equal(Cells(CodeCell(), byDefault), Cells(CodeCell(), html));
        Assert.Equal(TotalOf(byDefault), TotalOf(html));
        Assert.Contains("<option value=\"code\" selected=\"selected\">", html);
        Assert.Contains("<option value=\"\" selected=\"selected\">Everyone</option>", html);
        Assert.Matches("aria-sort=\"ascending\">Code</th>", html);
        Assert.DoesNotContain("bogus", html);
        Assert.DoesNotContain("admins", html);
        Assert.DoesNotContain("Show everyone", html);
        Assert.Contains($"/programmes/{id}/people?pageNumber=2\"", html);
    }

    [Fact]
    public async Task Sending_an_invitation_again_returns_to_the_same_view_of_the_board()
    {
        var id = await WithPeopleAsync();
        var coordinator = await AsAsync("coordinator");
        var invitation = await Factory.WithDbAsync(db => db.Invitations.Where(i => i.ProgrammeId == id && i.Name == "Sortable Invited Mentee").Select(i => i.Id).SingleAsync());
        var view = $"/programmes/{id}/people?status=invited&sort=name-desc&search=sortable";
        var html = await coordinator.GetStringAsync(view);
        var action = WebUtility.HtmlDecode(Regex.Match(html, "action=\"([^\"]*handler=Resend[^\"]*)\"").Groups[1].Value);
        Assert.Contains("handler=Resend", action);

        var response = await coordinator.SubmitAsync(view, new Dictionary<string, string> { ["invitationId"] = invitation.ToString() }, action);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var back = response.Headers.Location!.OriginalString;
        foreach (var part in new[] { "status=invited", "sort=name-desc", "search=sortable", "invited=1" }) Assert.Contains(part, back);
    }

    [Fact]
    public async Task A_mentee_is_refused_and_another_programmes_coordinator_finds_nothing_whatever_the_sort_or_filter()
    {
        var id = await WithPeopleAsync();
        const string View = "?sort=name&role=mentors&status=agreed&search=sortable";
        DemoPeople.AssertRefused(await (await AsAsync("mentee1")).GetAsync($"/programmes/{id}/people{View}"), "a mentee");

        // mentee2 coordinates a programme of their own in the same organisation, and is a mentee in this one.
        var other = await Factory.WithDbAsync(async db =>
        {
            var demo = await db.Programmes.SingleAsync(p => p.Id == id);
            var programme = new Programme { Name = "People board: another programme", OrganisationId = demo.OrganisationId };
            db.Programmes.Add(programme);
            var user = await db.Users.Where(u => u.Email == DemoProgramme.EmailOf("mentee2")).Select(u => u.Id).SingleAsync();
            db.Enrolments.Add(new Enrolment { ProgrammeId = programme.Id, UserId = user, Role = ProgrammeRole.Coordinator, Status = EnrolmentStatus.Consented, ParticipantCode = "CO-01" });
            await db.SaveChangesAsync();
            return programme.Id;
        });
        var otherCoordinator = await AsAsync("mentee2");
        Assert.Equal(HttpStatusCode.OK, (await otherCoordinator.GetAsync($"/programmes/{other}/people{View}")).StatusCode);
        DemoPeople.AssertRefused(await otherCoordinator.GetAsync($"/programmes/{id}/people{View}"), "another programme's coordinator");

        // An outsider (another organisation's admin) does not learn the programme exists.
        Assert.Equal(HttpStatusCode.NotFound, (await (await AsAsync(DemoPeople.OutsiderEmail)).GetAsync($"/programmes/{id}/people{View}")).StatusCode);
    }
}

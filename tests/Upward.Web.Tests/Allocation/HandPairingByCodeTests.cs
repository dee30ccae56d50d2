using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Allocation;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Data.Identity;
using Upward.Web.Pages.Allocation;
using Upward.Web.Tests.Infrastructure;
using Upward.Web.Tests.People;

namespace Upward.Web.Tests.Allocation;

/// <summary>
/// "Pair by hand" takes two participant codes rather than listing the whole programme: a good pair of
/// codes (any case, spaces around) pairs them; an unknown code, someone in the wrong role, someone who
/// withdrew or a mentee who already has a mentor is refused with the NHS error summary linking to the
/// field, what was typed is kept and nothing is paired.
/// </summary>
public sealed class HandPairingByCodeTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    private string Page(Guid id) => $"/programmes/{id}/allocation";

    private async Task<HttpResponseMessage> PairAsync(HttpClient client, Guid id, string mentee, string mentor) =>
        await client.SubmitAsync(Page(id), new Dictionary<string, string> { ["Hand.Mentee"] = mentee, ["Hand.Mentor"] = mentor }, $"{Page(id)}?handler=Pair");

    private Task<int> PairingsAsync(Guid id) => Factory.WithDbAsync(db => db.Pairings.CountAsync(p => p.ProgrammeId == id && p.Status == PairingStatus.Active));

    private Task<string> CodeOfAsync(Guid id, string localPart) =>
        Factory.WithDbAsync(async db => await db.Enrolments.Where(e => e.ProgrammeId == id)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.ParticipantCode, u.Email })
            .Where(x => x.Email == Upward.Web.Demo.DemoProgramme.EmailOf(localPart)).Select(x => x.ParticipantCode).SingleAsync());

    /// <summary>A mentee with no mentor and a mentor the planner would let them have, as the page itself works it out.</summary>
    private async Task<(Guid Mentee, Guid Mentor, IReadOnlyDictionary<Guid, AllocationFactsQuery.Person> People)> FreePairAsync(Guid id)
    {
        var result = await WholeAllocationFacts.LoadAsync(Factory, id);
        foreach (var mentee in result.Facts.Mentees)
        {
            if (AllocationPlanner.WillingAndFree(result.Facts, mentee).FirstOrDefault() is var mentor && mentor != Guid.Empty)
            {
                return (mentee, mentor, result.People);
            }
        }
        throw new InvalidOperationException("The demo has no mentee a willing mentor could take");
    }

    private static void AssertError(string html, string field, string message)
    {
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("nhsuk-error-summary", html);
        Assert.Contains($"href=\"#{field}\"", html);
        Assert.Contains(message, text);
        Assert.Matches($"<span class=\"nhsuk-error-message\" id=\"{field}-error\">", html);
    }

    private static string ValueOf(string html, string field) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"id=\"{field}\" name=\"[^\"]+\" type=\"text\" value=\"([^\"]*)\"").Groups[1].Value);

    [Fact]
    public async Task The_form_asks_for_two_codes_and_lists_nobody()
    {
        var id = await ProgrammeIdAsync();
        var html = await (await AsAsync("coordinator")).GetStringAsync(Page(id));
        Assert.Contains("Pair by hand", html);
        Assert.Contains("The participant code, for example ME-07", html);
        Assert.Contains("The participant code, for example MR-03", html);
        Assert.Matches("<input class=\"nhsuk-input nhsuk-input--width-10\" id=\"Hand-Mentee\" name=\"Hand.Mentee\" type=\"text\"", html);
        Assert.Matches("<input class=\"nhsuk-input nhsuk-input--width-10\" id=\"Hand-Mentor\" name=\"Hand.Mentor\" type=\"text\"", html);
        Assert.DoesNotContain("<select class=\"nhsuk-select\" id=\"Hand-", html);
        Assert.DoesNotContain("Select a mentee", html);
    }

    [Fact]
    public async Task Two_good_codes_pair_them_whatever_their_case_and_spacing_and_both_are_told()
    {
        var id = await ProgrammeIdAsync();
        var coordinator = await AsAsync("coordinator");
        var (mentee, mentor, people) = await FreePairAsync(id);
        var before = await PairingsAsync(id);

        var response = await PairAsync(coordinator, id, $"  {people[mentee].Code.ToLowerInvariant()} ", people[mentor].Code);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before + 1, await PairingsAsync(id));
        Assert.True(await Factory.WithDbAsync(db => db.Pairings.AnyAsync(p => p.MenteeEnrolmentId == mentee && p.MentorEnrolmentId == mentor && p.Status == PairingStatus.Active)));
        Assert.Contains(Factory.Sent(), m => m.To.Mailboxes.Any(b => b.Address == people[mentee].Email) && (m.Subject ?? "").StartsWith("Your ment", StringComparison.Ordinal));

        // The same mentee again: they already have a mentor, and the page says whom.
        var again = await (await PairAsync(coordinator, id, people[mentee].Code, people[mentor].Code)).Content.ReadAsStringAsync();
        AssertError(again, "Hand-Mentee", $"{people[mentee].Code} already has a mentor, {people[mentor].Name} ({people[mentor].Code})");
        Assert.Equal(before + 1, await PairingsAsync(id));
    }

    [Fact]
    public async Task Nothing_typed_asks_for_both_codes()
    {
        var id = await ProgrammeIdAsync();
        var response = await PairAsync(await AsAsync("coordinator"), id, " ", "");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        AssertError(html, "Hand-Mentee", "Enter the mentee's participant code");
        AssertError(html, "Hand-Mentor", "Enter the mentor's participant code");
    }

    [Fact]
    public async Task An_unknown_code_is_named_and_what_was_typed_is_kept()
    {
        var id = await ProgrammeIdAsync();
        var before = await PairingsAsync(id);
        var (mentee, _, people) = await FreePairAsync(id);
        var response = await PairAsync(await AsAsync("coordinator"), id, people[mentee].Code, "MR-999");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        AssertError(html, "Hand-Mentor", "No one in this programme has the participant code MR-999");
        Assert.Equal(people[mentee].Code, ValueOf(html, "Hand-Mentee"));
        Assert.Equal("MR-999", ValueOf(html, "Hand-Mentor"));
        Assert.DoesNotContain("Hand-Mentee-error", html);
        Assert.Equal(before, await PairingsAsync(id));
    }

    [Fact]
    public async Task A_code_in_the_wrong_role_says_whose_it_is()
    {
        var id = await ProgrammeIdAsync();
        var mentor = await CodeOfAsync(id, "mentor1");
        var coordinatorCode = await CodeOfAsync(id, "coordinator");
        var html = await (await PairAsync(await AsAsync("coordinator"), id, mentor, coordinatorCode)).Content.ReadAsStringAsync();
        AssertError(html, "Hand-Mentee", $"{mentor} is a mentor, not a mentee. Enter a mentee's participant code");
        AssertError(html, "Hand-Mentor", $"{coordinatorCode} is a coordinator, not a mentor. Enter a mentor's participant code");
    }

    [Fact]
    public async Task Someone_who_withdrew_or_has_not_agreed_cannot_be_paired()
    {
        var id = await ProgrammeIdAsync();
        await Factory.WithDbAsync(async db =>
        {
            if (await db.Enrolments.AnyAsync(e => e.ProgrammeId == id && e.ParticipantCode == "ME-90")) return;
            var organisation = await db.Programmes.Where(p => p.Id == id).Select(p => p.OrganisationId).SingleAsync();
            foreach (var (code, status) in new[] { ("ME-90", EnrolmentStatus.Withdrawn), ("MR-91", EnrolmentStatus.Invited) })
            {
                var user = new UpwardUser { UserName = $"{code}@example.nhs.uk", Email = $"{code}@example.nhs.uk", DisplayName = $"Hand {code}", OrganisationId = organisation };
                db.Users.Add(user);
                db.Enrolments.Add(new Enrolment { ProgrammeId = id, UserId = user.Id, Role = code.StartsWith("ME", StringComparison.Ordinal) ? ProgrammeRole.Mentee : ProgrammeRole.Mentor, Status = status, ParticipantCode = code });
            }
            await db.SaveChangesAsync();
        });
        var before = await PairingsAsync(id);
        var html = await (await PairAsync(await AsAsync("coordinator"), id, "me-90", "MR-91")).Content.ReadAsStringAsync();
        AssertError(html, "Hand-Mentee", "ME-90 has withdrawn from the programme, so cannot be paired");
        AssertError(html, "Hand-Mentor", "MR-91 has not yet agreed to take part, so cannot be paired yet");
        Assert.Equal(before, await PairingsAsync(id));
    }

    [Theory]
    [InlineData("'; DROP TABLE pairings; --")]
    [InlineData("ME\u201101")]
    [InlineData("a-very-long-text-that-is-no-participant-code-at-all-and-goes-on-and-on-and-on-and-on")]
    public async Task Malformed_input_is_an_error_on_the_field_never_a_500(string typed)
    {
        var id = await ProgrammeIdAsync();
        var before = await PairingsAsync(id);
        var response = await PairAsync(await AsAsync("coordinator"), id, typed, typed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#Hand-Mentee\"", html);
        Assert.Contains("href=\"#Hand-Mentor\"", html);
        Assert.Equal(before, await PairingsAsync(id));
    }

    [Fact]
    public async Task A_mentor_posting_codes_is_refused_and_nothing_is_paired()
    {
        var id = await ProgrammeIdAsync();
        var (mentee, mentor, people) = await FreePairAsync(id);
        var before = await PairingsAsync(id);
        var client = await AsAsync("mentor2");
        var token = await client.TokenAsync($"/programmes/{id}");
        var response = await client.PostAsync($"{Page(id)}?handler=Pair", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Hand.Mentee"] = people[mentee].Code, ["Hand.Mentor"] = people[mentor].Code,
        }));
        DemoPeople.AssertRefused(response, "a mentor pairing by hand");
        Assert.Equal(before, await PairingsAsync(id));
    }
}

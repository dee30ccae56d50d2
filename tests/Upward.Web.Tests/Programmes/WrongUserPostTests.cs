using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Sessions;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Review;

/// <summary>
/// Every POST handler, posted directly with real ids of the demo programme, by someone who must not
/// use it: signed out, another organisation's admin, and members in the wrong role. Nothing changes.
/// </summary>
public sealed class WrongUserPostTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    /// <summary>Every POST under a programme; {m} is a real mentee enrolment, {p} a real active pairing.</summary>
    private static readonly string[] Posts =
    [
        "/settings", "/domains", "/stage", "/invite", "/import",
        "/relationships?handler=Add", "/relationships?handler=Remove",
        "/applications?handler=Open", "/applications?handler=Decide", "/people?handler=Resend",
        "/allocation?handler=Confirm", "/allocation?handler=Pair", "/allocation?handler=End",
        "/concern", "/consent", "/about-you", "/withdraw",
        "/phase-one/settings", "/phase-one/willingness", "/phase-one/rather-not-meet", "/phase-one/would-like-to-meet", "/your-work",
        "/phase-one/mentees/{m}/notes", "/phase-one/mentees/{m}/brief", "/phase-one/mentees/{m}/brief?handler=Start",
        "/phase-one/mentees/{m}/release?handler=Review", "/phase-one/mentees/{m}/release?handler=Mentee", "/phase-one/mentees/{m}/release?handler=Mentor",
        "/phase-one/contribute/{m}",
        "/pairing/{p}?handler=AcceptRules", "/pairing/{p}?handler=Propose", "/pairing/{p}?handler=Agree", "/pairing/{p}?handler=Cancel",
        "/pairing/{p}?handler=Held", "/pairing/{p}?handler=Note", "/pairing/{p}?handler=Action", "/pairing/{p}?handler=ActionStatus",
    ];

    private async Task<(Guid Programme, Guid Mentee, Pairing Pairing)> IdsAsync()
    {
        var id = await factory.ProgrammeIdAsync();
        var pairing = await factory.WithDbAsync(db => db.Pairings.FirstOrDefaultAsync(p => p.ProgrammeId == id && p.Status == PairingStatus.Active));
        if (pairing is null)
        {
            var coordinator = await factory.AsAsync("coordinator");
            await coordinator.SubmitAsync($"/programmes/{id}/allocation?Mode=Random&Seed=7",
                new Dictionary<string, string> { ["Mode"] = "Random", ["Seed"] = "7" }, $"/programmes/{id}/allocation?handler=Confirm");
            pairing = await factory.WithDbAsync(db => db.Pairings.FirstAsync(p => p.ProgrammeId == id && p.Status == PairingStatus.Active));
        }
        return (id, pairing.MenteeEnrolmentId, pairing);
    }

    /// <summary>A form that would do real harm if accepted: every tampered id names something real.</summary>
    private async Task<Dictionary<string, string>> HarmfulFormAsync(Guid mentee, Pairing pairing)
    {
        var session = await factory.WithDbAsync(db => db.MentoringSessions.Where(s => s.PairingId == pairing.Id).Select(s => (Guid?)s.Id).FirstOrDefaultAsync());
        return new()
        {
            ["Input.Name"] = "Hijacked", ["Input.Email"] = "intruder@example.nhs.uk", ["Input.Role"] = "Coordinator", ["Input.Text"] = "Intruder",
            ["Input.AnonymityThreshold"] = "2", ["Input.SessionTimeLimitMinutes"] = "60", ["Input.TimeZone"] = "Europe/London", ["Input.RetentionMonths"] = "12",
            ["Input.Lines"] = "Hijacked", ["Input.Mode"] = "Anonymous", ["Input.MenteeMaySeeBrief"] = "true", ["Input.MenteesMayChooseMentors"] = "true",
            ["Input.MentorEnrolmentId"] = pairing.MentorEnrolmentId.ToString(), ["Input.MenteeEnrolmentId"] = mentee.ToString(), ["Input.Kind"] = "ConflictOfInterest",
            ["Hand.Mentor"] = pairing.MentorEnrolmentId.ToString(), ["Hand.Mentee"] = mentee.ToString(),
            ["pairingId"] = pairing.Id.ToString(), ["sessionId"] = session?.ToString() ?? Guid.NewGuid().ToString(),
            ["Chosen"] = pairing.MentorEnrolmentId.ToString(), ["Input.Department"] = "none", ["Input.Specialty"] = "none", ["Consider"] = "MenteeWishes",
            ["Note.Text"] = "Intruder note", ["NewAction.Text"] = "Intruder action", ["approve"] = "true", ["Mode"] = "Random", ["Seed"] = "1",
        };
    }

    private async Task<string> FingerprintAsync(Guid id) => await factory.WithDbAsync(async db =>
    {
        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == id);
        return string.Join("|",
            programme.Name, programme.Status, await db.Pairings.CountAsync(p => p.Status == PairingStatus.Active), await db.Invitations.CountAsync(),
            await db.Relationships.CountAsync(), await db.Concerns.CountAsync(), await db.PrivateNotes.CountAsync(), await db.ActionPlanItems.CountAsync(),
            await db.MentoringSessions.CountAsync(), await db.FeedbackBriefs.CountAsync(), await db.PhaseOneSettings.CountAsync(), await db.ProgrammeDomains.CountAsync(),
            await db.MentorWishes.CountAsync(), await db.MentorDeclines.CountAsync(), await db.Enrolments.CountAsync(e => e.Department != null || e.Specialty != null));
    });

    private async Task AssertEachPostAsync(HttpClient client, string tokenPage, Action<HttpResponseMessage, string> check, Func<string, bool>? skip = null)
    {
        var (id, mentee, pairing) = await IdsAsync();
        var form = await HarmfulFormAsync(mentee, pairing);
        var before = await FingerprintAsync(id);
        foreach (var post in Posts.Where(p => skip?.Invoke(p) != true))
        {
            var url = $"/programmes/{id}" + post.Replace("{m}", mentee.ToString()).Replace("{p}", pairing.Id.ToString());
            var response = await client.SubmitAsync(tokenPage, form, url);
            check(response, url);
        }
        Assert.Equal(before, await FingerprintAsync(id));
    }

    [Fact]
    public async Task Another_organisations_admin_gets_not_found_from_every_post_and_changes_nothing()
    {
        var outsider = await factory.AsAsync(DemoPeople.OutsiderEmail);
        await AssertEachPostAsync(outsider, "/", (response, url) =>
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: expected 404, got {(int)response.StatusCode}"));
    }

    [Fact]
    public async Task Signed_out_posts_go_to_sign_in_and_change_nothing()
    {
        var anonymous = factory.Browser();
        await AssertEachPostAsync(anonymous, "/account/sign-in", (response, url) =>
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/sign-in") == true,
                $"{url}: expected the sign-in page, got {(int)response.StatusCode} {response.Headers.Location}"));
    }

    [Fact]
    public async Task The_researcher_is_refused_every_post_and_changes_nothing()
    {
        // The researcher belongs to the programme but may change nothing in it, nor read a pair's page.
        var researcher = await factory.AsAsync("researcher");
        // Their own participation (concern, consent, about-you, withdraw) is theirs to use, so it is left out here.
        string[] own = ["/concern", "/consent", "/about-you", "/withdraw"];
        await AssertEachPostAsync(researcher, "/", (response, url) =>
        {
            var refused = response.StatusCode == HttpStatusCode.NotFound
                || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/access-denied") == true);
            Assert.True(refused, $"{url}: expected refusal, got {(int)response.StatusCode} {response.Headers.Location}");
        }, own.Contains);
    }

    [Fact]
    public async Task Someone_elses_pair_is_not_found_for_every_pairing_post()
    {
        var (id, _, pairing) = await IdsAsync();
        // A mentor who is not in this pairing, but is in the programme and may hold sessions.
        var stranger = await factory.WithDbAsync(db => db.Enrolments
            .Where(e => e.ProgrammeId == id && e.Role == Upward.Core.Programmes.ProgrammeRole.Mentor && e.Id != pairing.MentorEnrolmentId)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => u.Email).FirstAsync());
        var client = await factory.AsAsync(stranger!);
        var form = await HarmfulFormAsync(pairing.MenteeEnrolmentId, pairing);
        var before = await FingerprintAsync(id);
        foreach (var handler in new[] { "AcceptRules", "Propose", "Agree", "Cancel", "Held", "Note", "Action", "ActionStatus" })
        {
            var response = await client.SubmitAsync("/", form, $"/programmes/{id}/pairing/{pairing.Id}?handler={handler}");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{handler}: expected 404, got {(int)response.StatusCode}");
        }
        Assert.Equal(before, await FingerprintAsync(id));
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Programmes;

/// <summary>
/// Every POST handler under a programme, read from the running app's endpoints and posted directly
/// with real ids of the demo programme by someone who must not use it: signed out, another
/// organisation's admin, and each member whose roles lack the capability the handler declares.
/// Nothing changes. A handler written tomorrow is in the list the day it is written.
/// </summary>
public sealed class WrongUserPostTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    /// <summary>A form that would do real harm if accepted: every tampered id names something real.</summary>
    private async Task<Dictionary<string, string>> HarmfulFormAsync(IReadOnlyDictionary<string, string> ids, Pairing pairing)
    {
        var session = await factory.WithDbAsync(db => db.MentoringSessions.Where(s => s.PairingId == pairing.Id).Select(s => (Guid?)s.Id).FirstOrDefaultAsync());
        return new()
        {
            ["Input.Name"] = "Hijacked", ["Input.Email"] = "intruder@example.nhs.uk", ["Input.Role"] = "Coordinator", ["Input.Text"] = "Intruder",
            ["Input.AnonymityThreshold"] = "2", ["Input.SessionTimeLimitMinutes"] = "60", ["Input.TimeZone"] = "Europe/London", ["Input.RetentionMonths"] = "12",
            ["Input.Lines"] = "Hijacked", ["Input.Mode"] = "Anonymous", ["Input.MenteeMaySeeBrief"] = "true", ["Input.MenteesMayChooseMentors"] = "true",
            ["Input.MentorEnrolmentId"] = pairing.MentorEnrolmentId.ToString(), ["Input.MenteeEnrolmentId"] = pairing.MenteeEnrolmentId.ToString(), ["Input.Kind"] = "ConflictOfInterest",
            ["Hand.Mentor"] = pairing.MentorEnrolmentId.ToString(), ["Hand.Mentee"] = pairing.MenteeEnrolmentId.ToString(),
            ["pairingId"] = pairing.Id.ToString(), ["sessionId"] = session?.ToString() ?? Guid.NewGuid().ToString(),
            ["Chosen"] = pairing.MentorEnrolmentId.ToString(), ["Input.Department"] = "none", ["Input.Specialty"] = "none", ["Consider"] = "MenteeWishes",
            ["Note.Text"] = "Intruder note", ["NewAction.Text"] = "Intruder action", ["approve"] = "true", ["Mode"] = "Random", ["Seed"] = "1",
            ["Value"] = "Intruder", ["waveId"] = ids["waveId"], ["answerId"] = ids["answerId"], ["themeId"] = ids["themeId"],
        };
    }

    private async Task<string> FingerprintAsync(Guid id) => await factory.WithDbAsync(async db =>
    {
        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == id);
        return string.Join("|",
            programme.Name, programme.Status, programme.AnonymityThreshold, await db.Pairings.CountAsync(p => p.Status == PairingStatus.Active), await db.Invitations.CountAsync(),
            await db.Relationships.CountAsync(), await db.Concerns.CountAsync(), await db.PrivateNotes.CountAsync(), await db.ActionPlanItems.CountAsync(),
            await db.MentoringSessions.CountAsync(), await db.FeedbackBriefs.CountAsync(), await db.PhaseOneSettings.CountAsync(), await db.ProgrammeDomains.CountAsync(),
            await db.MentorWishes.CountAsync(), await db.MentorDeclines.CountAsync(), await db.Enrolments.CountAsync(e => e.Department != null || e.Specialty != null),
            await db.Waves.CountAsync(w => w.IsOpen), await db.Answers.CountAsync(), await db.Themes.CountAsync(), await db.Codings.CountAsync(),
            await db.AnswerRedactions.CountAsync(), await db.RepresentativeQuotes.CountAsync(), await db.Willingness.CountAsync(), await db.ConsentDecisions.CountAsync());
    });

    /// <summary>Posts to every programme POST handler the filter selects, checking each answer, then checks nothing changed.</summary>
    private async Task AssertEachPostAsync(HttpClient client, string tokenPage, Action<HttpResponseMessage, string> check, Func<ProgrammeHandler, bool>? skip = null)
    {
        var (ids, pairing) = await DemoRouteValues.ForAsync(factory);
        var id = Guid.Parse(ids["programmeId"]);
        var form = await HarmfulFormAsync(ids, pairing);
        var posts = (await ProgrammeEndpoints.ListAsync(factory)).Where(h => h.IsPost && skip?.Invoke(h) != true).ToList();
        Assert.NotEmpty(posts);
        var before = await FingerprintAsync(id);
        foreach (var post in posts)
        {
            var url = post.Url(ids);
            var response = await client.SubmitAsync(tokenPage, form, url);
            check(response, url);
        }
        Assert.Equal(before, await FingerprintAsync(id));
    }

    private static bool IsRefused(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.NotFound
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/access-denied") == true);

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

    [Theory]
    [InlineData("researcher")]
    [InlineData("facilitator")]
    [InlineData("mentor1")]
    [InlineData("mentee1")]
    [InlineData("coordinator")]
    public async Task Each_member_is_refused_every_post_their_roles_do_not_allow_and_changes_nothing(string who)
    {
        // What each member may use is Core's rule for their roles; everything else must be refused.
        var roles = await factory.RolesAsync(who);
        Assert.NotEmpty(roles);
        var client = await factory.AsAsync(who);
        await AssertEachPostAsync(client, "/", (response, url) =>
            Assert.True(IsRefused(response), $"{who} {url}: expected refusal, got {(int)response.StatusCode} {response.Headers.Location}"),
            handler => ProgrammeAccess.Allows(handler.Capability!.Value, roles, isOrganisationAdmin: false));
    }

    [Fact]
    public async Task Someone_elses_pair_is_not_found_for_every_pairing_post()
    {
        var (ids, pairing) = await DemoRouteValues.ForAsync(factory);
        var id = Guid.Parse(ids["programmeId"]);
        // A mentor who is not in this pairing, but is in the programme and may hold sessions.
        var stranger = await factory.WithDbAsync(db => db.Enrolments
            .Where(e => e.ProgrammeId == id && e.Role == ProgrammeRole.Mentor && e.Id != pairing.MentorEnrolmentId)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => u.Email).FirstAsync());
        var client = await factory.AsAsync(stranger!);
        var form = await HarmfulFormAsync(ids, pairing);
        var pairingPosts = (await ProgrammeEndpoints.ListAsync(factory)).Where(h => h.IsPost && h.Route.Contains("{pairingId", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pairingPosts);
        var before = await FingerprintAsync(id);
        foreach (var post in pairingPosts)
        {
            var response = await client.SubmitAsync("/", form, post.Url(ids));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{post}: expected 404, got {(int)response.StatusCode}");
        }
        Assert.Equal(before, await FingerprintAsync(id));
    }
}

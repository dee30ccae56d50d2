using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Upward.Core.Auditing;
using Upward.Core.Colleagues;
using Upward.Core.PhaseOne;
using Upward.Web.Pages.People;
using Upward.Web.Tests.Infrastructure;
using static Upward.Web.Tests.Colleagues.ColleagueSteps;

namespace Upward.Web.Tests.Colleagues;

/// <summary>
/// 360° input: a mentee invites colleagues by email; each answers once, signed out, through a link;
/// their comments go into the sealed ballot box and reach the mentee only k colleagues at a time.
/// The demo programme's k is 3. Each test uses its own mentee, so they share one demo.
/// </summary>
public sealed class ColleagueInputTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task The_whole_path_from_invitation_to_feedback_under_k()
    {
        await TurnOnAsync(factory);
        var mentee = await factory.AsAsync("mentee1");
        var menteeId = await factory.EnrolmentIdAsync("mentee1");
        var colleagues = new[] { "ward.sister@demo.example", "f1.doctor@demo.example", "ward.clerk@demo.example" };
        foreach (var email in colleagues)
        {
            var invited = await InviteAsync(factory, mentee, email);
            Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        }
        // Each got an email with a link; only the link's hash is stored.
        var links = colleagues.ToDictionary(e => e, e => LinkFor(factory, e));
        var menteeName = await factory.WithDbAsync(db => db.Enrolments.Where(e => e.Id == menteeId).Join(db.Users, e => e.UserId, u => u.Id, (e, u) => u.DisplayName).SingleAsync());
        foreach (var (email, link) in links)
        {
            var token = link["/colleague-feedback/".Length..];
            var stored = await factory.WithDbAsync(db => db.ColleagueInvitations.SingleAsync(i => i.Email == email));
            Assert.Equal(InvitationTokens.Hash(token), stored.TokenHash);
            Assert.NotEqual(token, stored.TokenHash);
            Assert.Equal($"{menteeName} asks for your anonymous feedback", factory.Sent().Last(m => m.To.Mailboxes.Any(b => b.Address == email)).Subject);
        }
        // The invitation is audited with the mentee as the actor; three invitations, three entries.
        var menteeUser = await factory.WithDbAsync(db => db.Enrolments.Where(e => e.Id == menteeId).Select(e => e.UserId).SingleAsync());
        Assert.Equal(3, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ColleagueInvited && a.ActorUserId == menteeUser)));

        var page = await PageAsync(factory);
        var html = await mentee.GetStringAsync(page);
        Assert.Contains("You have invited 3 colleagues. Fewer than 3 have answered", html);
        Assert.Contains("ward.clerk@demo.example", html);

        // Two answer: below k, nothing is readable, and the count does not move.
        var audits = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());
        for (var i = 0; i < 2; i++)
        {
            var form = await factory.Browser().GetAsync(links[colleagues[i]]);
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            Assert.Contains("Anonymous feedback for", await form.Content.ReadAsStringAsync());
            var sent = await AnswerAsync(factory, links[colleagues[i]], $"Colleague comment number {i} about listening");
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.Equal("/colleague-feedback/thank-you", sent.Headers.Location!.OriginalString);
        }
        html = await mentee.GetStringAsync(page);
        Assert.Contains("Fewer than 3 have answered", html);
        Assert.DoesNotContain("Colleague comment number", html);
        Assert.Equal(2, await factory.WithDbAsync(db => db.PendingContributions.CountAsync(p => p.MenteeEnrolmentId == menteeId && p.Source == ContributionSource.Colleague)));
        Assert.False(await factory.WithDbAsync(db => db.AnonymousContributions.AnyAsync(c => c.MenteeEnrolmentId == menteeId)));

        // The third reaches k: all three open together. The facilitator reads them first; then the mentee reads them with the count.
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(factory, links[colleagues[2]], "Colleague comment number 2 about listening")).StatusCode);
        html = await mentee.GetStringAsync(page);
        Assert.Contains("You have invited 3 colleagues. 3 have answered.", html);
        Assert.DoesNotContain("Colleague comment number", html);
        // Answering is never audited: an entry's time would pair a colleague with a ballot.
        Assert.Equal(audits, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.Contains("Colleague comment number 0 about listening", await (await factory.AsAsync("facilitator")).GetStringAsync(await ReviewPageAsync(factory)));
        await ShowToMenteeAsync(factory, "mentee1");
        html = await mentee.GetStringAsync(page);
        Assert.Contains("You have invited 3 colleagues. 3 have answered.", html);
        for (var i = 0; i < 3; i++) Assert.Contains($"Colleague comment number {i} about listening", html);
        Assert.Equal(0, await factory.WithDbAsync(db => db.PendingContributions.CountAsync(p => p.MenteeEnrolmentId == menteeId)));
        Assert.Equal(3, await factory.WithDbAsync(db => db.AnonymousContributions.CountAsync(c => c.MenteeEnrolmentId == menteeId && c.Source == ContributionSource.Colleague)));

        // Each link worked once.
        foreach (var link in links.Values)
        {
            var again = await factory.Browser().GetAsync(link);
            Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
            Assert.Contains("This link has been used", await again.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_used_link_refuses_a_second_send_even_at_once_and_a_forged_one_is_not_found()
    {
        await TurnOnAsync(factory);
        var menteeId = await factory.EnrolmentIdAsync("mentee2");
        var mentee = await factory.AsAsync("mentee2");
        Assert.Equal(HttpStatusCode.Redirect, (await InviteAsync(factory, mentee, "twice@demo.example")).StatusCode);
        var link = LinkFor(factory, "twice@demo.example");

        // A double tap: one ballot, never two (one colleague must not count twice towards k).
        var colleague = factory.Browser();
        var fields = await AnswerFieldsAsync(factory, "Sent twice at once");
        fields["__RequestVerificationToken"] = await colleague.TokenAsync(link);
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => colleague.PostAsync(link, new FormUrlEncodedContent(fields))));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Gone, r.StatusCode.ToString()));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(1, await factory.WithDbAsync(db => db.PendingContributions.CountAsync(p => p.MenteeEnrolmentId == menteeId && p.Source == ContributionSource.Colleague)));

        Assert.Equal(HttpStatusCode.Gone, (await factory.Browser().GetAsync(link)).StatusCode);

        // Forged, malformed or far too long: a clear page, never a 500.
        foreach (var forged in new[] { "/colleague-feedback/" + InvitationTokens.New(), "/colleague-feedback/x", "/colleague-feedback/" + new string('a', 500) })
        {
            var response = await factory.Browser().GetAsync(forged);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("This link does not work", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task One_invited_and_one_answered_shows_neither_the_count_nor_the_words()
    {
        await TurnOnAsync(factory);
        var mentee = await factory.AsAsync("mentee3");
        Assert.Equal(HttpStatusCode.Redirect, (await InviteAsync(factory, mentee, "only.one@demo.example")).StatusCode);
        var page = await PageAsync(factory);
        var before = await mentee.GetStringAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(factory, LinkFor(factory, "only.one@demo.example"), "The only colleague's words")).StatusCode);
        var after = await mentee.GetStringAsync(page);
        Assert.Contains("You have invited 1 colleague. Fewer than 3 have answered", after);
        Assert.DoesNotContain("The only colleague's words", after);
        // The page reads the same before and after the one answer: nothing tells the mentee that person answered.
        Assert.Equal(Section(before), Section(after));
    }

    [Fact]
    public async Task Bad_invitations_show_the_error_summary_and_send_nothing()
    {
        await TurnOnAsync(factory);
        var mentee = await factory.AsAsync("mentee4");
        var menteeId = await factory.EnrolmentIdAsync("mentee4");
        Assert.Equal(HttpStatusCode.Redirect, (await InviteAsync(factory, mentee, "Already@Demo.example")).StatusCode);
        var sent = factory.Sent().Count;
        foreach (var (email, message) in new[]
        {
            ("", "Enter your colleague&#x27;s email address"),
            ("not an email", "Enter an email address in the correct format"),
            ("already@demo.example", "You have already asked for already@demo.example"),
            (" ALREADY@demo.example ", "You have already asked for already@demo.example"),
            (DemoProgrammeEmail("mentee4"), "not your own"),
            (new string('a', 250) + "@x.example", "Enter an email address in the correct format"),
        })
        {
            var response = await InviteAsync(factory, mentee, email);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("There is a problem", html);
            Assert.Contains(message, html);
        }
        // The colleague's name and how they work with the mentee are what the coordinator checks: both are needed.
        foreach (var (name, relationship, message) in new[]
        {
            ("", "Ward sister", "Enter your colleague&#x27;s name"),
            ("Sam Jones", " ", "Enter how your colleague works with you"),
            (new string('n', ColleagueInvitation.NameMaxLength + 1), "Ward sister", "name must be 100 characters or fewer"),
            ("Sam Jones", new string('r', ColleagueInvitation.WorkingRelationshipMaxLength + 1), "must be 200 characters or fewer"),
        })
        {
            var response = await AskAsync(factory, mentee, "new.person@demo.example", name, relationship);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("There is a problem", html);
            Assert.Contains(message, html);
        }
        Assert.Equal(sent, factory.Sent().Count);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ColleagueInvitations.CountAsync(i => i.MenteeEnrolmentId == menteeId)));

        // A colleague who sends an empty form is told what to do, and the link still works.
        var link = LinkFor(factory, "already@demo.example");
        var empty = await AnswerAsync(factory, link, "");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Write a comment on at least one area", await empty.Content.ReadAsStringAsync());
        var tooLong = await AnswerAsync(factory, link, new string('x', SealedBallot.TextLimit + 1));
        Assert.Contains("characters or fewer", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await factory.Browser().GetAsync(link)).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.ColleagueInvitations.AnyAsync(i => i.MenteeEnrolmentId == menteeId && i.Answered)));
    }

    [Fact]
    public async Task Mentors_coordinators_and_other_mentees_cannot_read_a_mentees_colleague_input()
    {
        await TurnOnAsync(factory);
        var owner = await factory.AsAsync("mentee5");
        var ownerId = await factory.EnrolmentIdAsync("mentee5");
        var emails = new[] { "a.five@demo.example", "b.five@demo.example", "c.five@demo.example" };
        foreach (var email in emails) await InviteAsync(factory, owner, email);
        foreach (var email in emails) await AnswerAsync(factory, LinkFor(factory, email), $"Private to mentee five from {email[0]}");
        await ShowToMenteeAsync(factory, "mentee5");
        var page = await PageAsync(factory);
        Assert.Contains("Private to mentee five from a", await owner.GetStringAsync(page));

        // Mentors and the coordinator are refused the page outright (the access-denied page); another mentee sees only their own.
        foreach (var who in new[] { "mentor1", "coordinator", "facilitator", "researcher" })
        {
            var response = await (await factory.AsAsync(who)).GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/access-denied", response.Headers.Location?.OriginalString);
        }
        var other = await (await factory.AsAsync("mentee1")).GetStringAsync(page);
        Assert.DoesNotContain("Private to mentee five", other);
        Assert.DoesNotContain("a.five@demo.example", other);
        // The facilitator's brief page for that mentee is built from mentors' feedback only.
        var id = await factory.ProgrammeIdAsync();
        var brief = await (await factory.AsAsync("coordinator")).GetStringAsync($"/programmes/{id}/phase-one/mentees/{ownerId}/brief");
        Assert.DoesNotContain("Private to mentee five", brief);
    }

    [Fact]
    public async Task With_the_setting_off_the_pages_refuse_and_links_already_sent_stop_working()
    {
        using var off = new UpwardFactory { Demo = true };
        var page = await PageAsync(off);
        var mentee = await off.AsAsync("mentee1");
        var refused = await mentee.GetAsync(page);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("This programme does not ask colleagues for feedback", await refused.Content.ReadAsStringAsync());
        Assert.DoesNotContain("colleague-feedback", await mentee.GetStringAsync($"/programmes/{await off.ProgrammeIdAsync()}/feedback"));

        await TurnOnAsync(off);
        Assert.Equal(HttpStatusCode.Redirect, (await InviteAsync(off, mentee, "later@demo.example")).StatusCode);
        var link = LinkFor(off, "later@demo.example");
        await TurnOnAsync(off, on: false);
        // A post with a token taken while it was on is refused too.
        var form = await off.Browser().GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, form.StatusCode);
        Assert.Contains("Feedback is no longer being collected", await form.Content.ReadAsStringAsync());
        var post = await mentee.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "x@demo.example", ["__RequestVerificationToken"] = "" }));
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(1, await off.WithDbAsync(db => db.ColleagueInvitations.CountAsync()));
        // Turning it on and off is audited with old and new values.
        Assert.True(await off.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.PreparationSettingsChanged && a.Detail!.Contains("ColleagueInputEnabled"))));
    }

    [Fact]
    public async Task An_expired_link_gets_a_clear_page()
    {
        using var timed = new UpwardFactory { Demo = true, Clock = new FakeTimeProvider(new DateTimeOffset(2027, 1, 12, 10, 0, 0, TimeSpan.Zero)) };
        await TurnOnAsync(timed);
        var mentee = await timed.AsAsync("mentee1");
        Assert.Equal(HttpStatusCode.Redirect, (await InviteAsync(timed, mentee, "slow@demo.example")).StatusCode);
        var link = LinkFor(timed, "slow@demo.example");
        var fields = await AnswerFieldsAsync(timed, "Too late");
        var colleague = timed.Browser();
        fields["__RequestVerificationToken"] = await colleague.TokenAsync(link);
        timed.Clock!.Advance(ColleagueInvitation.Lifetime + TimeSpan.FromMinutes(1));
        var get = await timed.Browser().GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, get.StatusCode);
        Assert.Contains("This link has expired", await get.Content.ReadAsStringAsync());
        var post = await colleague.PostAsync(link, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Gone, post.StatusCode);
        Assert.False(await timed.WithDbAsync(db => db.PendingContributions.AnyAsync(p => p.Source == ContributionSource.Colleague)));
    }

    private static string DemoProgrammeEmail(string localPart) => Upward.Web.Demo.DemoProgramme.EmailOf(localPart);

    /// <summary>The part of the mentee's page that could change with an answer: from the counts to the form.</summary>
    private static string Section(string html)
    {
        var start = html.IndexOf("id=\"counts\"", StringComparison.Ordinal);
        var end = html.IndexOf("<form", start, StringComparison.Ordinal);
        return html[start..end];
    }
}

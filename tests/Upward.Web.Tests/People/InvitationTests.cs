using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.People;
using Upward.Core.Programmes;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.People;

public sealed class InvitationTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    private async Task<string> InviteAndGetLinkAsync(string email, string role = "Mentor")
    {
        var id = await ProgrammeIdAsync();
        var coordinator = await AsAsync("coordinator");
        var response = await coordinator.SubmitAsync($"/programmes/{id}/invite", Invitee("Pat Example", email, role));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mail = Factory.Sent().Last(m => m.To.Mailboxes.Any(b => b.Address == email));
        Assert.Contains("Invitation: ", mail.Subject);
        return Forms.LinkIn(mail.TextBody, "/invitations/");
    }

    [Fact]
    public async Task A_patient_mentor_accepts_by_creating_an_account_and_consents_to_each_purpose_separately()
    {
        var link = await InviteAndGetLinkAsync("pat.patient@example.com");
        var pat = Factory.Browser();

        var landing = await pat.GetStringAsync(link);
        Assert.Contains("Create your account", landing);
        var created = await pat.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Pat Patient", ["Input.Password"] = "a patient's long password", ["Input.ConfirmPassword"] = "a patient's long password",
        }, link + "?handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var consentUrl = created.Headers.Location!.OriginalString;
        Assert.EndsWith("/consent", consentUrl);

        var consented = await pat.SubmitAsync(consentUrl, new Dictionary<string, string>
        {
            ["Input.TakePart"] = "true", ["Input.UseAnswers"] = "true", ["Input.Quote"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, consented.StatusCode);

        await Factory.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == "pat.patient@example.com");
            var enrolment = await db.Enrolments.SingleAsync(e => e.UserId == user.Id);
            Assert.Equal(EnrolmentStatus.Consented, enrolment.Status);
            Assert.Equal(ProgrammeRole.Mentor, enrolment.Role);
            Assert.Equal("MR-07", enrolment.ParticipantCode);
            var decisions = await db.ConsentDecisions.Where(d => d.EnrolmentId == enrolment.Id).ToListAsync();
            Assert.Equal(3, decisions.Count);
            Assert.True(Consent.IsGiven(decisions, ConsentPurpose.UseAnswersInEvaluation));
            Assert.False(Consent.IsGiven(decisions, ConsentPurpose.QuoteAnonymously));
            Assert.All(decisions, d => Assert.Equal(1, d.TextVersion));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.InvitationAccepted && a.ActorUserId == user.Id));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.ConsentRecorded && a.Subject == $"enrolment:{enrolment.Id}"));
        });

        // The link works once.
        var again = await Factory.Browser().GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("already been accepted", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_existing_account_must_sign_in_and_someone_else_signed_in_cannot_accept()
    {
        var link = await InviteAndGetLinkAsync(DemoFactoryEmails.Mentee3, "Mentor");

        Assert.Contains("Sign in to accept", await Factory.Browser().GetStringAsync(link));

        var wrongPerson = await AsAsync("mentor1");
        var refused = await wrongPerson.SubmitAsync(link, new Dictionary<string, string>(), link + "?handler=Accept");
        Assert.Contains("Signed in as someone else", await refused.Content.ReadAsStringAsync());

        var mentee3 = await AsAsync("mentee3");
        var accepted = await mentee3.SubmitAsync(link, new Dictionary<string, string>(), link + "?handler=Accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        // One person, two roles in one programme.
        var roles = await Factory.WithDbAsync(db => db.Enrolments.Where(e => db.Users.Any(u => u.Id == e.UserId && u.Email == DemoFactoryEmails.Mentee3)).Select(e => e.Role).ToListAsync());
        Assert.Equal([ProgrammeRole.Mentor, ProgrammeRole.Mentee], roles.Order());
    }

    [Fact]
    public async Task An_unknown_or_expired_link_says_so_and_creates_nothing()
    {
        var unknown = await Factory.Browser().GetAsync("/invitations/not-a-real-token");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("This invitation link does not work", await unknown.Content.ReadAsStringAsync());

        var link = await InviteAndGetLinkAsync("late.person@example.nhs.uk");
        await Factory.WithDbAsync(db => db.Invitations.Where(i => i.Email == "late.person@example.nhs.uk")
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAtUtc, DateTime.UtcNow.AddMinutes(-1))));
        var expired = await Factory.Browser().GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invite_form_bad_input_shows_the_error_summary_and_sends_nothing()
    {
        var id = await ProgrammeIdAsync();
        var coordinator = await AsAsync("coordinator");
        var before = Factory.Sent().Count;

        var empty = await (await coordinator.SubmitAsync($"/programmes/{id}/invite", Invitee("", "", ""))).Content.ReadAsStringAsync();
        Assert.Contains("Enter their full name", empty);
        Assert.Contains("Enter their email address", empty);
        Assert.Contains("Select their role in this programme", empty);

        var bad = await (await coordinator.SubmitAsync($"/programmes/{id}/invite", Invitee("X", "not an email", "Wizard"))).Content.ReadAsStringAsync();
        Assert.Contains("Enter an email address in the correct format", bad);

        var duplicate = await (await coordinator.SubmitAsync($"/programmes/{id}/invite", Invitee("Mentor One", DemoFactoryEmails.Mentor1, "Mentor"))).Content.ReadAsStringAsync();
        Assert.Contains("already invited to this programme in that role", duplicate);
        Assert.Equal(before, Factory.Sent().Count);
    }

    [Fact]
    public async Task Coordinator_can_send_an_invitation_again_and_the_old_link_stops_working()
    {
        var link = await InviteAndGetLinkAsync("resend.me@example.nhs.uk");
        var id = await ProgrammeIdAsync();
        var invitationId = await Factory.WithDbAsync(db => db.Invitations.Where(i => i.Email == "resend.me@example.nhs.uk").Select(i => i.Id).SingleAsync());

        var resent = await (await AsAsync("coordinator")).SubmitAsync($"/programmes/{id}/people",
            new Dictionary<string, string> { ["invitationId"] = invitationId.ToString() }, $"/programmes/{id}/people?handler=Resend");

        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.Browser().GetAsync(link)).StatusCode);
        var newLink = Forms.LinkIn(Factory.Sent().Last(m => m.To.Mailboxes.Any(b => b.Address == "resend.me@example.nhs.uk")).TextBody, "/invitations/");
        Assert.NotEqual(link, newLink);
        Assert.Equal(HttpStatusCode.OK, (await Factory.Browser().GetAsync(newLink)).StatusCode);
    }
}

internal static class DemoFactoryEmails
{
    public static string Mentor1 => Upward.Web.Demo.DemoProgramme.EmailOf("mentor1");
    public static string Mentee3 => Upward.Web.Demo.DemoProgramme.EmailOf("mentee3");
}

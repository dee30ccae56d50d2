using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.People;

/// <summary>
/// An invitation names its organisation, and an account of another organisation that opens it is
/// refused with an explanation: never enrolled in a programme whose pages it could not open.
/// </summary>
public sealed class InvitationOrganisationTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    [Fact]
    public async Task The_email_and_the_landing_page_name_the_organisation()
    {
        var id = await ProgrammeIdAsync();
        await (await AsAsync("coordinator")).SubmitAsync($"/programmes/{id}/invite", Invitee("Nia Named", "nia.named@example.nhs.uk", "Mentee"));
        var mail = Factory.Sent().Last(m => m.To.Mailboxes.Any(b => b.Address == "nia.named@example.nhs.uk"));
        Assert.Contains($"{DemoProgramme.OrganisationName} invites you", mail.TextBody);

        var landing = await Factory.Browser().GetStringAsync(Forms.LinkIn(mail.TextBody, "/invitations/"));
        Assert.Contains($"Invitation from {DemoProgramme.OrganisationName}", landing);
    }

    [Fact]
    public async Task An_account_of_another_organisation_is_refused_and_not_enrolled()
    {
        await Factory.EnsureOutsiderAsync();
        var id = await ProgrammeIdAsync();
        await (await AsAsync("coordinator")).SubmitAsync($"/programmes/{id}/invite", Invitee("Outsider", DemoPeople.OutsiderEmail, "Mentor"));
        var link = Forms.LinkIn(Factory.Sent().Last(m => m.To.Mailboxes.Any(b => b.Address == DemoPeople.OutsiderEmail)).TextBody, "/invitations/");
        var outsider = await Factory.AsAsync(DemoPeople.OutsiderEmail);

        var landing = await outsider.GetAsync(link);
        Assert.Equal(HttpStatusCode.Forbidden, landing.StatusCode);
        var html = await landing.Content.ReadAsStringAsync();
        Assert.Contains("Your account belongs to another organisation", html);
        Assert.DoesNotContain("Accept invitation", html);

        // Posting the accept form anyway changes nothing.
        var token = await outsider.TokenAsync("/");
        var accepted = await outsider.PostAsync(link + "?handler=Accept", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, accepted.StatusCode);
        await Factory.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == DemoPeople.OutsiderEmail).Select(u => u.Id).SingleAsync();
            Assert.False(await db.Enrolments.AnyAsync(e => e.UserId == userId));
            Assert.False(await db.Invitations.AnyAsync(i => i.Email == DemoPeople.OutsiderEmail && i.AcceptedAtUtc != null));
        });
    }
}

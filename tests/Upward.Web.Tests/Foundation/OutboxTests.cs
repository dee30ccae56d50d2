using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Foundation;

/// <summary>
/// Without an SMTP server, email is kept for the organisation's administrator on the Outbox page:
/// signed in, administrators only, their own organisation's messages only, every look audited.
/// The development mailbox it replaces is gone in every environment.
/// </summary>
public sealed class OutboxTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private async Task<string> InviteAsync(string email)
    {
        var coordinator = await factory.AsAsync("coordinator");
        var id = await factory.ProgrammeIdAsync();
        await coordinator.SubmitAsync($"/programmes/{id}/invite", new Dictionary<string, string> { ["Input.Name"] = "Mo Outbox", ["Input.Email"] = email, ["Input.Role"] = "Mentee" });
        return email;
    }

    [Fact]
    public async Task The_development_mailbox_is_gone()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Browser().GetAsync("/dev/mailbox")).StatusCode);
        var admin = await factory.AsAsync("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/dev/mailbox")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_lists_and_opens_the_organisations_email_and_each_look_is_audited()
    {
        var email = await InviteAsync("mo.outbox@example.nhs.uk");
        var admin = await factory.AsAsync("admin");

        var list = await admin.GetStringAsync("/admin/outbox");
        Assert.Contains(email, list);
        var file = Regex.Match(list, "href=\"/admin/outbox/([^\"]+\\.eml)\"").Groups[1].Value;
        var message = await admin.GetStringAsync($"/admin/outbox/{file}");
        Assert.Contains("/invitations/", message);
        Assert.Contains(email, message);

        await factory.WithDbAsync(async db =>
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.OutboxViewed));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.OutboxMessageOpened && a.Subject == $"email:{file}"));
        });
    }

    [Fact]
    public async Task Signed_out_visitors_and_people_who_are_not_administrators_are_refused()
    {
        await InviteAsync("refused.reader@example.nhs.uk");
        var file = Path.GetFileName(Directory.GetFiles(factory.MailFolder, "*.eml").Order().Last());

        var anonymous = await factory.Browser().GetAsync($"/admin/outbox/{file}");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location?.PathAndQuery);

        foreach (var who in new[] { "coordinator", "mentee1" })
        {
            var client = await factory.AsAsync(who);
            DemoPeople.AssertRefused(await client.GetAsync("/admin/outbox"), $"{who} lists the Outbox");
            DemoPeople.AssertRefused(await client.GetAsync($"/admin/outbox/{file}"), $"{who} opens a message");
        }
    }

    [Fact]
    public async Task Another_organisations_administrator_sees_none_of_it()
    {
        var email = await InviteAsync("other.org.reader@example.nhs.uk");
        var file = Path.GetFileName(Directory.GetFiles(factory.MailFolder, "*.eml").Order().Last());
        var outsider = await factory.AsAsync(DemoPeople.OutsiderEmail);

        Assert.DoesNotContain(email, await outsider.GetStringAsync("/admin/outbox"));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/admin/outbox/{file}")).StatusCode);
    }

    [Theory]
    [InlineData("..%2F..%2Fappsettings.json")]
    [InlineData("..%2Fmail.eml")]
    [InlineData("%2Fetc%2Fpasswd")]
    [InlineData("not-there.eml")]
    public async Task Anything_but_a_message_of_the_folder_is_not_found(string name)
    {
        var admin = await factory.AsAsync("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/outbox/{name}")).StatusCode);
    }
}

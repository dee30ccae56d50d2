using System.Net;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.People;

public sealed class MailboxTests
{
    [Fact]
    public async Task The_development_mailbox_does_not_exist_outside_development()
    {
        using var factory = new DemoFactory();
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Browser().GetAsync("/dev/mailbox")).StatusCode);
    }

    [Fact]
    public async Task When_enabled_it_lists_email_and_opens_one_but_refuses_paths()
    {
        using var factory = new MailboxFactory();
        var client = factory.Browser();
        var id = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Programmes.Where(p => p.Name == Upward.Web.Demo.DemoProgramme.ProgrammeName).Select(p => p.Id)));
        await client.SignInAsync(Upward.Web.Demo.DemoProgramme.EmailOf("coordinator"), Upward.Web.Demo.DemoProgramme.Password);
        await client.SubmitAsync($"/programmes/{id}/invite", new Dictionary<string, string> { ["Input.Name"] = "Mo Mailbox", ["Input.Email"] = "mo@example.nhs.uk", ["Input.Role"] = "Mentee" });

        var list = await client.GetStringAsync("/dev/mailbox");
        Assert.Contains("mo@example.nhs.uk", list);
        var file = System.Text.RegularExpressions.Regex.Match(list, "href=\"/dev/mailbox/([^\"]+\\.eml)\"").Groups[1].Value;
        var message = await client.GetStringAsync($"/dev/mailbox/{file}");
        Assert.Contains("/invitations/", message);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dev/mailbox/..%2F..%2Fappsettings.json")).StatusCode);
    }

    private sealed class MailboxFactory : UpwardFactory
    {
        public MailboxFactory()
        {
            Demo = true;
            Mailbox = true;
        }
    }
}

using System.Net;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.People;

/// <summary>With an SMTP server configured, invitations go out through MailKit over a real connection.</summary>
public sealed class SmtpDeliveryTests : PeopleTestBase, IClassFixture<SmtpDeliveryTests.SmtpFactory>
{
    public SmtpDeliveryTests(SmtpFactory factory) : base(factory) => _sink = factory.Smtp!;

    private readonly SmtpSink _sink;

    /// <summary>The demo app sending through an SMTP sink that lives as long as the factory.</summary>
    public sealed class SmtpFactory : UpwardFactory
    {
        public SmtpFactory()
        {
            Demo = true;
            Smtp = new SmtpSink();
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing) Smtp!.Dispose();
        }
    }

    [Fact]
    public async Task An_invitation_is_delivered_over_smtp_with_a_working_link()
    {
        var id = await ProgrammeIdAsync();
        var response = await (await AsAsync("coordinator")).SubmitAsync($"/programmes/{id}/invite", Invitee("Sam Smtp", "sam.smtp@example.nhs.uk", "Mentee"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var message = Assert.Single(_sink.Parsed());
        Assert.Equal("sam.smtp@example.nhs.uk", message.To.Mailboxes.Single().Address);
        Assert.StartsWith("Invitation: ", message.Subject);
        var link = Forms.LinkIn(message.TextBody, "/invitations/");
        Assert.Equal(HttpStatusCode.OK, (await Factory.Browser().GetAsync(link)).StatusCode);
        Assert.Empty(Factory.Sent());
    }
}

using Microsoft.Extensions.Time.Testing;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Notifications;

/// <summary>The demo app with its own clock, sending through a real SMTP connection to a sink that lives as long as it does.</summary>
public sealed class NotifyingFactory : UpwardFactory
{
    public NotifyingFactory(DateTimeOffset start)
    {
        Demo = true;
        Smtp = new SmtpSink();
        Clock = new FakeTimeProvider(start);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Smtp!.Dispose();
    }
}

/// <summary>The demo app with its own clock, sending to Debian's aiosmtpd, a real SMTP server, which keeps what it accepts in a maildir.</summary>
public sealed class RealServerFactory : UpwardFactory
{
    private RealServerFactory(Aiosmtpd server, DateTimeOffset start)
    {
        MailServer = server;
        Demo = true;
        SmtpPort = server.Port;
        Clock = new FakeTimeProvider(start);
    }

    public static RealServerFactory Start(DateTimeOffset start) => new(new Aiosmtpd(), start);

    public Aiosmtpd MailServer { get; }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) MailServer.Dispose();
    }
}

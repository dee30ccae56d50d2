using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Upward.Web.Email;

/// <summary>
/// Sends email over SMTP with MailKit when a server is configured; otherwise writes each message
/// as an .eml file to the pickup folder, which an organisation administrator reads on the Outbox page.
/// </summary>
public sealed class Mailer(IOptions<EmailOptions> options, IWebHostEnvironment environment, Telemetry.UpwardMetrics metrics, ILogger<Mailer> log)
{
    /// <summary>
    /// Names the organisation on a message in the pickup folder, so each administrator's Outbox lists
    /// only their own organisation's email. Never sent over SMTP: recipients have no use for our ids.
    /// </summary>
    public const string OrganisationHeader = "X-Upward-Organisation";

    private readonly EmailOptions _options = options.Value;

    public string PickupFolder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, _options.PickupFolder));

    /// <param name="organisationId">The organisation the message is sent for (whose Outbox shows it).</param>
    public async Task SendAsync(Guid organisationId, OutgoingEmail email, CancellationToken ct = default)
    {
        var transport = _options.UsesSmtp ? "smtp" : "pickup folder";
        try
        {
            await HandOverAsync(organisationId, email, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            metrics.EmailFailed(transport);
            throw;
        }
        metrics.EmailSent(transport);
    }

    private async Task HandOverAsync(Guid organisationId, OutgoingEmail email, CancellationToken ct)
    {
        var message = Compose(email);
        if (_options.UsesSmtp)
        {
            using var client = new SmtpClient();
            var security = _options.SmtpSecurity.ToLowerInvariant() switch
            {
                "none" => SecureSocketOptions.None,
                "tls" => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(_options.SmtpHost!, _options.SmtpPort, security, ct);
            if (!string.IsNullOrEmpty(_options.SmtpUsername))
            {
                await client.AuthenticateAsync(_options.SmtpUsername, _options.SmtpPassword ?? "", ct);
            }
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
        }
        else
        {
            Directory.CreateDirectory(PickupFolder);
            message.Headers.Add(OrganisationHeader, organisationId.ToString());
            // Time first so the Outbox lists newest first by name; the id keeps names unique. The system
            // clock on purpose, not the injected one: a test's frozen clock would leave the order to the random id.
            var path = Path.Combine(PickupFolder, $"{TimeProvider.System.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            // Written aside, then moved into place: the Outbox never reads half a message.
            var partial = path + ".partial";
            await message.WriteToAsync(partial, ct);
            File.Move(partial, path);
        }
        // Ids only: the log never carries an address or a name.
        log.LogInformation("Email sent ({Transport}), message {MessageId}", _options.UsesSmtp ? "smtp" : "pickup folder", message.MessageId);
    }

    private MimeMessage Compose(OutgoingEmail email)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(_options.From));
        message.To.Add(new MailboxAddress(email.ToName, email.ToAddress));
        message.Subject = email.Subject;
        if (email.MessageId is not null) message.MessageId = email.MessageId;
        foreach (var header in email.Headers)
        {
            message.Headers.Add(header.Key, header.Value);
        }
        var body = new BodyBuilder { TextBody = email.Body, HtmlBody = email.HtmlBody };
        foreach (var attachment in email.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.MediaType));
        }
        message.Body = body.ToMessageBody();
        return message;
    }
}

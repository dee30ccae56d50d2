using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Upward.Web.Email;

/// <summary>
/// Sends email over SMTP with MailKit when a server is configured; otherwise writes each message
/// as an .eml file to the pickup folder, which the development mailbox page lists.
/// </summary>
public sealed class Mailer(IOptions<EmailOptions> options, IWebHostEnvironment environment, ILogger<Mailer> log)
{
    private readonly EmailOptions _options = options.Value;

    public string PickupFolder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, _options.PickupFolder));

    public async Task SendAsync(OutgoingEmail email, CancellationToken ct = default)
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
            // Time first so the mailbox lists newest first by name; the id keeps names unique.
            var path = Path.Combine(PickupFolder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(path, ct);
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
        var body = new BodyBuilder { TextBody = email.Body };
        foreach (var attachment in email.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.MediaType));
        }
        message.Body = body.ToMessageBody();
        return message;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MimeKit;
using Upward.Web.Email;

namespace Upward.Web.Pages.Dev;

/// <summary>
/// Lists the .eml files written when no SMTP server is configured. Only in Development (or when
/// explicitly enabled for tests): anywhere else it would expose everyone's invitation links.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class MailboxModel(Mailer mailer, IOptions<EmailOptions> options, IWebHostEnvironment environment) : PageModel
{
    public sealed record Summary(string File, string To, string Subject, string Sent);
    public sealed record Message(string To, string Subject, string Body, IReadOnlyList<string> Attachments);

    public IReadOnlyList<Summary> Messages { get; private set; } = [];
    public Message? Open { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? message, CancellationToken ct)
    {
        if (options.Value.UsesSmtp || !(environment.IsDevelopment() || options.Value.DevelopmentMailbox))
        {
            return NotFound();
        }
        var folder = new DirectoryInfo(mailer.PickupFolder);
        if (message is not null)
        {
            // Only a plain file name from this folder: no paths.
            if (message.Contains('/') || message.Contains('\\') || message.Contains("..") || !message.EndsWith(".eml", StringComparison.Ordinal))
            {
                return NotFound();
            }
            var file = new FileInfo(Path.Combine(folder.FullName, message));
            if (!file.Exists)
            {
                return NotFound();
            }
            var mime = await MimeMessage.LoadAsync(file.FullName, ct);
            Open = new Message(mime.To.ToString(), mime.Subject ?? "", mime.TextBody ?? "", mime.Attachments.Select(a => a.ContentDisposition?.FileName ?? "attachment").ToList());
            return Page();
        }
        if (folder.Exists)
        {
            var list = new List<Summary>();
            foreach (var file in folder.GetFiles("*.eml").OrderByDescending(f => f.Name).Take(200))
            {
                var mime = await MimeMessage.LoadAsync(file.FullName, ct);
                list.Add(new Summary(file.Name, mime.To.ToString(), mime.Subject ?? "", mime.Date.ToString("d MMM yyyy HH:mm")));
            }
            Messages = list;
        }
        return Page();
    }
}

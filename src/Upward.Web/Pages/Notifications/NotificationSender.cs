using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Upward.Core.Auditing;
using Upward.Core.Notifications;
using Upward.Data;
using Upward.Web.Email;

namespace Upward.Web.Pages.Notifications;

/// <summary>
/// Sends one notification's email, once: it claims the message in the database first (so two senders
/// never both send it), asks whether it is still due, honours the person's choice, and records the
/// outcome. A refusal by the mail server leaves it queued for a later try, backing off each time.
/// </summary>
public sealed class NotificationSender(UpwardDbContext db, Mailer mailer, PublicLinks links, UnsubscribeTokens tokens, StillDue stillDue,
    TimeProvider clock, IOptions<NotificationOptions> options, ILogger<NotificationSender> log, Upward.Web.Programmes.PageLinks pages)
{
    public enum Outcome { NotMine, Sent, TurnedOff, NoLongerNeeded, WillRetry, Failed }

    public async Task<Outcome> TrySendAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.Notifications
            .Where(n => n.Id == id && n.EmailStatus == EmailStatus.Pending && n.EmailDueAtUtc <= now
                && (n.EmailClaimedUntilUtc == null || n.EmailClaimedUntilUtc <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailClaimedUntilUtc, now.AddSeconds(options.Value.ClaimSeconds)), ct);
        if (claimed != 1) return Outcome.NotMine;

        var notification = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id, ct);
        var person = await db.Users.Where(u => u.Id == notification.UserId).Select(u => new { u.Email, u.DisplayName }).SingleOrDefaultAsync(ct);
        Outcome outcome;
        if (person?.Email is null || !await stillDue.CheckAsync(notification, ct))
        {
            outcome = Outcome.NoLongerNeeded;
        }
        else if (!NotificationKinds.IsEssential(notification.Kind)
                 && await db.NotificationPreferences.AnyAsync(p => p.UserId == notification.UserId && p.Kind == notification.Kind, ct))
        {
            outcome = Outcome.TurnedOff;
        }
        else
        {
            outcome = await SendAsync(notification, person.Email, person.DisplayName, ct);
        }
        await RecordAsync(notification, outcome, ct);
        return outcome;
    }

    private async Task<Outcome> SendAsync(Notification n, string address, string name, CancellationToken ct)
    {
        var unsubscribe = links.To(pages.Page("/Notifications/Unsubscribe", new { t = tokens.For(n.UserId, n.Kind) }));
        var preferences = links.To(pages.Page("/Notifications/Preferences"));
        var link = links.To(n.Link);
        var text = $"Dear {name},\n\n{n.Body}\n\n{link}\n\n-- \n{NotificationTexts.Footer(n.Kind, unsubscribe, preferences)}\n";
        var html = $"""
            <p>Dear {WebUtility.HtmlEncode(name)},</p>
            <p>{WebUtility.HtmlEncode(n.Body).Replace("\n", "<br>", StringComparison.Ordinal)}</p>
            <p><a href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(link)}</a></p>
            <hr>
            <p>{WebUtility.HtmlEncode(NotificationTexts.Footer(n.Kind, unsubscribe, preferences)).Replace("\n", "<br>", StringComparison.Ordinal)}</p>
            """;
        var email = new OutgoingEmail(address, name, n.Subject, text)
        {
            HtmlBody = html,
            MessageId = $"{n.Id:N}@upward",
            // RFC 8058: a mail client's "unsubscribe" button posts to this address, with no sign-in and no page.
            Headers = NotificationKinds.IsEssential(n.Kind)
                ? []
                : [new("List-Unsubscribe", $"<{unsubscribe}>"), new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")],
        };
        try
        {
            await mailer.SendAsync(n.OrganisationId, email, ct);
            return Outcome.Sent;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Any failure, not only the mail server's: a message that cannot be sent (an address MimeKit cannot
            // parse) must count its tries and give up, or it would stay first in the queue and hold up the rest.
            log.LogWarning("Notification {Id} was not sent ({Error}); it will be tried again until it gives up", n.Id, e.GetType().Name);
            return Delivery.NextTry(n.EmailAttempts + 1, clock.GetUtcNow().UtcDateTime) is null ? Outcome.Failed : Outcome.WillRetry;
        }
    }

    private async Task RecordAsync(Notification n, Outcome outcome, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.Notifications.SingleAsync(x => x.Id == n.Id, ct);
        row.EmailClaimedUntilUtc = null;
        switch (outcome)
        {
            case Outcome.Sent:
                row.EmailStatus = EmailStatus.Sent;
                row.EmailSentAtUtc = now;
                row.EmailAttempts++;
                break;
            case Outcome.TurnedOff:
                row.EmailStatus = EmailStatus.TurnedOff;
                break;
            case Outcome.NoLongerNeeded:
                row.EmailStatus = EmailStatus.NoLongerNeeded;
                break;
            case Outcome.WillRetry:
                row.EmailAttempts++;
                row.EmailDueAtUtc = Delivery.NextTry(row.EmailAttempts, now)!.Value;
                break;
            case Outcome.Failed:
                row.EmailAttempts++;
                row.EmailStatus = EmailStatus.Failed;
                break;
        }
        // What went to whom and when, never the words: the record of a message is not a copy of it.
        if (outcome is Outcome.Sent or Outcome.Failed)
        {
            db.Audit(outcome == Outcome.Sent ? AuditAction.NotificationEmailSent : AuditAction.NotificationEmailFailed, null,
                n.OrganisationId, n.ProgrammeId, $"notification:{n.Id}", $"{n.Kind} to user {n.UserId}");
        }
        await db.SaveChangesAsync(ct);
    }
}

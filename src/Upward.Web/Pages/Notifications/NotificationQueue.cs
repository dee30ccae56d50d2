using Microsoft.Extensions.Options;
using Upward.Core.Notifications;
using Upward.Core.Programmes;
using Upward.Core.Timeline;
using Upward.Data;

namespace Upward.Web.Pages.Notifications;

/// <summary>One person to tell, with the facts their text needs.</summary>
public sealed record Recipient(Guid UserId, string Name);

/// <summary>
/// Adds notifications. Each has a key naming it among all others, and a key already used adds nothing,
/// so finding a message due twice (two instances, a rerun after a restart) never tells anyone twice.
/// </summary>
public sealed class NotificationQueue(UpwardDbContext db, TimeProvider clock, IOptions<NotificationOptions> options)
{
    /// <summary>Makes the notification of <paramref name="kind"/> to one person in a programme, due now (after quiet hours if it can wait).</summary>
    public Notification Make(Programme programme, Recipient to, NotificationKind kind, string key, Guid? about, string link, NotificationTexts.Facts facts)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (subject, body) = NotificationTexts.For(kind, facts);
        var zone = LocalTimes.Zone(programme.TimeZone);
        return new Notification
        {
            OrganisationId = programme.OrganisationId, ProgrammeId = programme.Id, UserId = to.UserId, Kind = kind,
            About = about, Key = key.Length > Notification.KeyLimit ? key[..Notification.KeyLimit] : key,
            Subject = subject, Body = body, Link = link, CreatedAtUtc = now,
            EmailDueAtUtc = Delivery.AfterQuietHours(now, kind, options.Value.QuietFrom, options.Value.QuietUntil, zone),
        };
    }

    /// <returns>How many were new.</returns>
    public Task<int> AddAsync(IReadOnlyCollection<Notification> notifications, CancellationToken ct) =>
        notifications.Count == 0 ? Task.FromResult(0) : db.UpsertAsync(notifications, n => n.Key, null, ct);

    /// <summary>
    /// Adds notifications whose email the caller has just sent itself (with the wording of Email/Messages,
    /// and its attachments), so they appear in each person's list without a second email.
    /// </summary>
    public Task<int> AddAlreadyEmailedAsync(IReadOnlyCollection<Notification> notifications, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var n in notifications)
        {
            n.EmailStatus = EmailStatus.Sent;
            n.EmailSentAtUtc = now;
            n.EmailAttempts = 1;
        }
        return AddAsync(notifications, ct);
    }
}

using Microsoft.EntityFrameworkCore;
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
    /// <summary>The facts of each notification made here, so it can be worded again in its programme's own words before it is added.</summary>
    private readonly Dictionary<Guid, NotificationTexts.Facts> _facts = [];

    /// <summary>Makes the notification of <paramref name="kind"/> to one person in a programme, due now (after quiet hours if it can wait).</summary>
    public Notification Make(Programme programme, Recipient to, NotificationKind kind, string key, Guid? about, string link, NotificationTexts.Facts facts)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (subject, body) = NotificationTexts.For(kind, facts);
        var zone = LocalTimes.Zone(programme.TimeZone);
        var notification = new Notification
        {
            OrganisationId = programme.OrganisationId, ProgrammeId = programme.Id, UserId = to.UserId, Kind = kind,
            About = about, Key = key.Length > Notification.KeyLimit ? key[..Notification.KeyLimit] : key,
            Subject = subject, Body = body, Link = link, CreatedAtUtc = now,
            EmailDueAtUtc = Delivery.AfterQuietHours(now, kind, options.Value.QuietFrom, options.Value.QuietUntil, zone),
        };
        _facts[notification.Id] = facts;
        return notification;
    }

    /// <summary>Adds the notifications not added before, each in its programme's own wording where it has one.</summary>
    /// <returns>How many were new.</returns>
    public async Task<int> AddAsync(IReadOnlyCollection<Notification> notifications, CancellationToken ct)
    {
        if (notifications.Count == 0) return 0;
        var programmeIds = notifications.Where(n => n.ProgrammeId != null).Select(n => n.ProgrammeId!.Value).Distinct().ToList();
        var own = await db.NotificationTexts.Where(t => programmeIds.Contains(t.ProgrammeId)).ToListAsync(ct);
        foreach (var n in notifications)
        {
            if (own.FirstOrDefault(t => t.ProgrammeId == n.ProgrammeId && t.Kind == n.Kind) is { } text && _facts.TryGetValue(n.Id, out var facts))
            {
                (n.Subject, n.Body) = NotificationTexts.For(n.Kind, facts, (text.Subject, text.Body));
            }
        }
        return await db.UpsertAsync(notifications, n => n.Key, null, ct);
    }

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

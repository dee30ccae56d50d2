using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Notifications;
using Upward.Data;

namespace Upward.Web.Pages.Notifications;

/// <summary>Turns kinds of email off and on for one person, auditing each change (never for essential kinds).</summary>
public static class PreferenceChanges
{
    /// <param name="off">Every kind the person wants off; any other non-essential kind is turned back on.</param>
    public static async Task SetAsync(UpwardDbContext db, Guid userId, IReadOnlySet<NotificationKind> off, DateTime nowUtc, string how, CancellationToken ct)
    {
        var current = await db.NotificationPreferences.Where(p => p.UserId == userId).ToListAsync(ct);
        foreach (var row in current.Where(p => !off.Contains(p.Kind)))
        {
            db.NotificationPreferences.Remove(row);
            db.Audit(AuditAction.NotificationPreferenceChanged, userId, null, null, $"user:{userId}", $"{row.Kind} on ({how})");
        }
        foreach (var kind in off.Where(k => !NotificationKinds.IsEssential(k) && current.All(p => p.Kind != k)))
        {
            db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Kind = kind, ChangedAtUtc = nowUtc });
            db.Audit(AuditAction.NotificationPreferenceChanged, userId, null, null, $"user:{userId}", $"{kind} off ({how})");
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Turns one kind off, keeping the others as they are (an unsubscribe link); a second click changes nothing.</summary>
    public static async Task TurnOffAsync(UpwardDbContext db, Guid userId, NotificationKind kind, DateTime nowUtc, CancellationToken ct)
    {
        if (NotificationKinds.IsEssential(kind)) return;
        var inserted = await db.UpsertAsync([new NotificationPreference { UserId = userId, Kind = kind, ChangedAtUtc = nowUtc }],
            p => new { p.UserId, p.Kind }, null, ct);
        if (inserted == 1)
        {
            db.Audit(AuditAction.NotificationPreferenceChanged, userId, null, null, $"user:{userId}", $"{kind} off (unsubscribe link)");
            await db.SaveChangesAsync(ct);
        }
    }
}

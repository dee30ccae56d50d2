using Upward.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Data;
using Upward.Web.Pages.Questionnaires;

namespace Upward.Web.Pages.Notifications;

/// <summary>Who to tell: the queries the reminders share.</summary>
public static class Recipients
{
    /// <summary>People the wave is put to who have not yet submitted an answer to it.</summary>
    public static Task<List<Recipient>> NotAnsweredAsync(UpwardDbContext db, Wave wave, CancellationToken ct) =>
        db.PutTo(wave).Where(e => !db.Responses.Any(r => r.WaveId == wave.Id && r.EnrolmentId == e.Id && r.Status == ResponseStatus.Submitted))
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new Recipient(u.Id, u.DisplayName))
            .ToListAsync(ct);

    public static Task<List<Recipient>> CoordinatorsAsync(UpwardDbContext db, Guid programmeId, CancellationToken ct) =>
        db.Enrolments.Where(e => e.ProgrammeId == programmeId && e.Role == ProgrammeRole.Coordinator && e.Status != EnrolmentStatus.Withdrawn)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new Recipient(u.Id, u.DisplayName))
            .ToListAsync(ct);

    /// <summary>The keys among <paramref name="keys"/> already used, so a run adds only what is new.</summary>
    public static async Task<HashSet<string>> UsedKeysAsync(UpwardDbContext db, Guid? about, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(500))
        {
            used.UnionWith(await db.Notifications.Where(n => n.About == about && chunk.Contains(n.Key)).Select(n => n.Key).ToListAsync(ct));
        }
        return used;
    }

    /// <summary>The notifications among <paramref name="fresh"/> whose keys have not been used yet.</summary>
    public static async Task<List<Notification>> NotYetAddedAsync(UpwardDbContext db, IReadOnlyCollection<Notification> fresh, CancellationToken ct)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in fresh.GroupBy(n => n.About))
        {
            used.UnionWith(await UsedKeysAsync(db, group.Key, group.Select(n => n.Key).ToList(), ct));
        }
        return fresh.Where(n => !used.Contains(n.Key)).ToList();
    }
}

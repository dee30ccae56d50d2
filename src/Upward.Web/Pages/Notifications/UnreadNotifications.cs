using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Upward.Data;

namespace Upward.Web.Pages.Notifications;

/// <summary>How many notifications the person has not seen, for the header on every page.</summary>
public sealed class UnreadNotifications(UpwardDbContext db, ILogger<UnreadNotifications> log)
{
    /// <returns>The count, or 0 when the database cannot say: the header is shown on the error page too, which must render when the database is failing.</returns>
    public async Task<int> CountAsync(Guid userId, CancellationToken ct = default)
    {
        try
        {
            return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAtUtc == null, ct);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            log.LogWarning("The header's count of new notifications could not be read ({Error})", e.GetType().Name);
            return 0;
        }
    }
}

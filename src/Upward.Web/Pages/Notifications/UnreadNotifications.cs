using Microsoft.EntityFrameworkCore;
using Upward.Data;

namespace Upward.Web.Pages.Notifications;

/// <summary>How many notifications the person has not seen, for the header on every page.</summary>
public sealed class UnreadNotifications(UpwardDbContext db)
{
    public Task<int> CountAsync(Guid userId, CancellationToken ct = default) =>
        db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAtUtc == null, ct);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Upward.Core.Notifications;
using Upward.Data;
using Upward.Web.Scheduling;

namespace Upward.Web.Pages.Notifications;

/// <summary>Sends the email of notifications that are due, oldest first, no faster than the configured rate.</summary>
public sealed class DeliveryJob(UpwardDbContext db, NotificationSender sender, TimeProvider clock, IOptions<NotificationOptions> options) : IScheduledJob
{
    public string Name => "notifications.deliver";
    public TimeSpan Every => TimeSpan.FromSeconds(Math.Max(1, options.Value.SendEverySeconds));

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var batch = Math.Max(1, (int)(options.Value.EmailsPerMinute * Every.TotalMinutes));
        var due = await db.Notifications
            .Where(n => n.EmailStatus == EmailStatus.Pending && n.EmailDueAtUtc <= now && (n.EmailClaimedUntilUtc == null || n.EmailClaimedUntilUtc <= now))
            .OrderBy(n => n.EmailDueAtUtc).Select(n => n.Id).Take(batch).ToListAsync(ct);
        foreach (var id in due)
        {
            await sender.TrySendAsync(id, ct);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Upward.Core.Notifications;
using Upward.Data;
using Upward.Web.Scheduling;

namespace Upward.Web.Pages.Notifications;

/// <summary>Sends the email of notifications that are due, oldest first, no faster than the configured rate.</summary>
public sealed class DeliveryJob(UpwardDbContext db, NotificationSender sender, TimeProvider clock, IOptions<NotificationOptions> options, ILogger<DeliveryJob> log)
    : IScheduledJob
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
            try
            {
                await sender.TrySendAsync(id, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One message's fault (say, in checking it is still due) must not stop the others; its claim lapses and it is tried again.
                log.LogError(e, "Sending notification {Id} failed", id);
            }
        }
    }
}

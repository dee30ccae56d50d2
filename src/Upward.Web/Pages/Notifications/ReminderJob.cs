using Upward.Web.Scheduling;

namespace Upward.Web.Pages.Notifications;

/// <summary>
/// Finds the notifications whose time has come and queues them (the delivery job sends them). Safe to run
/// any number of times: each message has a key, and a key already used adds nothing.
/// </summary>
public sealed class ReminderJob(QuestionnaireNotices questionnaires, PairNotices pairs, InvitationReminders invitations, WeeklyDigest digest,
    ILogger<ReminderJob> log) : IScheduledJob
{
    public string Name => "notifications.find-due";
    public TimeSpan Every => TimeSpan.FromMinutes(1);

    public async Task RunAsync(CancellationToken ct)
    {
        // Each kind on its own: a fault in one must not stop the others' reminders.
        await OneAsync("questionnaires", () => questionnaires.FindDueAsync(ct));
        await OneAsync("pairs", () => pairs.FindDueAsync(ct));
        await OneAsync("invitations", () => invitations.SendDueAsync(ct));
        await OneAsync("weekly digest", () => digest.FindDueAsync(ct));
    }

    private async Task OneAsync(string what, Func<Task<int>> find)
    {
        try
        {
            await find();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Finding due {What} notifications failed; the others go on", what);
        }
    }
}

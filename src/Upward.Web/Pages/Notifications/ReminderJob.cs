using Upward.Web.Scheduling;

namespace Upward.Web.Pages.Notifications;

/// <summary>
/// Finds the notifications whose time has come and queues them (the delivery job sends them). Safe to run
/// any number of times: each message has a key, and a key already used adds nothing.
/// </summary>
public sealed class ReminderJob(QuestionnaireNotices questionnaires, PairNotices pairs, InvitationReminders invitations, WeeklyDigest digest) : IScheduledJob
{
    public string Name => "notifications.find-due";
    public TimeSpan Every => TimeSpan.FromMinutes(1);

    public async Task RunAsync(CancellationToken ct)
    {
        await questionnaires.FindDueAsync(ct);
        await pairs.FindDueAsync(ct);
        await invitations.SendDueAsync(ct);
        await digest.FindDueAsync(ct);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Upward.Data;
using Upward.Web.Pages.People;

namespace Upward.Web.Pages.Notifications;

/// <summary>
/// One reminder for an invitation still unanswered some days after it was sent. Invitees have no account
/// yet, so the reminder is an email only, with a fresh link; it is claimed in the database before it is
/// sent, so two instances never both send it.
/// </summary>
public sealed class InvitationReminders(UpwardDbContext db, ProgrammeInvitations invitations, TimeProvider clock, IOptions<NotificationOptions> options)
{
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sentBefore = now.AddDays(-options.Value.InvitationReminderDays);
        var due = await db.Invitations
            .Where(i => i.AcceptedAtUtc == null && i.ReminderSentAtUtc == null && i.CreatedAtUtc <= sentBefore && i.ExpiresAtUtc > now)
            // Oldest first, 500 a turn: the rest wait for the next turn in a fixed order.
            .OrderBy(i => i.CreatedAtUtc).ThenBy(i => i.Id).Select(i => i.Id).Take(500).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            var claimed = await db.Invitations.Where(i => i.Id == id && i.ReminderSentAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ReminderSentAtUtc, now), ct);
            if (claimed != 1) continue;
            var invitation = await db.Invitations.SingleAsync(i => i.Id == id, ct);
            var programme = await db.Programmes.SingleAsync(p => p.Id == invitation.ProgrammeId, ct);
            await invitations.RemindAsync(programme, invitation, ct);
            sent++;
        }
        return sent;
    }
}

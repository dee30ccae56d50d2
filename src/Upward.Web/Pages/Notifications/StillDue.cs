using Microsoft.EntityFrameworkCore;
using Upward.Core.Notifications;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Sessions;
using Upward.Data;

namespace Upward.Web.Pages.Notifications;

/// <summary>
/// Asks again, at the moment of sending, whether a message still has a reason to go: nobody is reminded
/// of a questionnaire they have answered, a session that was cancelled, a pair that has since met, or a
/// programme they have left.
/// </summary>
public sealed class StillDue(UpwardDbContext db, TimeProvider clock)
{
    public async Task<bool> CheckAsync(Notification n, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (n.ProgrammeId is { } programmeId && n.Kind != NotificationKind.InvitationReminder
            && !await db.Enrolments.AnyAsync(e => e.ProgrammeId == programmeId && e.UserId == n.UserId && e.Status != EnrolmentStatus.Withdrawn, ct))
        {
            return false;
        }
        switch (n.Kind)
        {
            case NotificationKind.QuestionnaireOpened or NotificationKind.QuestionnaireClosingSoon or NotificationKind.QuestionnaireLastDay
                or NotificationKind.AnswerReminder or NotificationKind.AfterSessionQuestionnaire:
                var wave = await db.Waves.SingleOrDefaultAsync(w => w.Id == n.About, ct);
                if (wave is not { IsOpen: true }) return false;
                var answered = await db.Responses.Where(r => r.WaveId == wave.Id && r.Status == ResponseStatus.Submitted)
                    .Join(db.Enrolments.Where(e => e.UserId == n.UserId), r => r.EnrolmentId, e => e.Id, (r, e) => r.Id).AnyAsync(ct);
                return !answered;
            case NotificationKind.InvitationReminder:
                var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == n.About, ct);
                return invitation is not null && invitation.IsOpen(now);
            case NotificationKind.SessionTomorrow:
                return await db.MentoringSessions.AnyAsync(s => s.Id == n.About && s.Status == SessionStatus.Agreed && s.StartsAtUtc > now, ct);
            case NotificationKind.NoSessionAgreed or NotificationKind.PairWithoutSession:
                return await db.Pairings.AnyAsync(p => p.Id == n.About && p.Status == PairingStatus.Active, ct)
                    && !await db.MentoringSessions.AnyAsync(s => s.PairingId == n.About && s.Status != SessionStatus.Cancelled, ct);
            default:
                return true;
        }
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Data;
using Upward.Web.Email;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Sessions;

/// <summary>
/// Either side ends their pairing, without a reason and without fault: planned sessions are
/// cancelled in both calendars, the other side and the coordinators are told only that it ended.
/// </summary>
[Requires(ProgrammeCapability.HoldSessions)]
public sealed class EndPairingModel(UpwardDbContext db, SessionInvitations invitations, Mailer mailer, PublicLinks links, TimeProvider clock, PageLinks pages) : ProgrammePageModel
{
    [FromRoute] public Guid PairingId { get; set; }
    public MyPair Pair { get; private set; } = null!;

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cancelled = new List<MentoringSession>();
        var ended = await db.WriteAtomicallyAsync(async ct =>
        {
            // In the pair's turn: both sides ending at once end it once, with one set of emails.
            await db.LockAsync<Pairing>(PairingId, ct);
            // Read again in the turn: the copy loaded on entry may already be out of date.
            var pairing = Pair.Pairing;
            await db.Entry(pairing).ReloadAsync(ct);
            if (!pairing.End(Pair.Side == SessionSide.Mentor ? PairingEndedBy.Mentor : PairingEndedBy.Mentee, now)) return false;
            foreach (var session in await db.MentoringSessions.Where(s => s.PairingId == PairingId && (s.Status == SessionStatus.Proposed || s.Status == SessionStatus.Agreed)).ToListAsync(ct))
            {
                if (session.Status == SessionStatus.Agreed) cancelled.Add(session);
                session.Status = SessionStatus.Cancelled;
                session.CalendarSequence++;
            }
            db.Audit(AuditAction.PairingEnded, User.UserId(), Programme.OrganisationId, Programme.Id, $"pairing:{PairingId}");
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        if (ended)
        {
            foreach (var session in cancelled) await invitations.SendAsync(Programme, Pair.Pairing, session, cancelled: true, ct);
            await TellAsync(ct);
        }
        return RedirectToPage("/Sessions/Pairing", new { programmeId = ProgrammeId, ended = "true" });
    }

    private async Task TellAsync(CancellationToken ct)
    {
        var me = await db.Enrolments.Where(e => e.Id == Pair.MyEnrolmentId).Join(db.Users, e => e.UserId, u => u.Id, (e, u) => u.DisplayName).SingleAsync(ct);
        var other = await db.Enrolments.Where(e => e.Id == Pair.PartnerEnrolmentId).Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { u.DisplayName, u.Email }).SingleAsync(ct);
        if (other.Email is { } otherEmail)
        {
            await mailer.SendAsync(Programme.OrganisationId, Messages.PairingEnded(otherEmail, other.DisplayName, Programme.Name, me, links.To(pages.Programme(ProgrammeId, "/Programmes/Overview"))), ct);
        }
        var coordinators = await db.Enrolments.Where(e => e.ProgrammeId == ProgrammeId && e.Role == ProgrammeRole.Coordinator && e.Status != EnrolmentStatus.Withdrawn)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { u.DisplayName, u.Email }).ToListAsync(ct);
        foreach (var c in coordinators.Where(c => c.Email != null))
        {
            await mailer.SendAsync(Programme.OrganisationId, Messages.PairingEndedForCoordinator(c.Email!, c.DisplayName, Programme.Name, links.To(pages.Programme(ProgrammeId, "/Allocation/Index"))), ct);
        }
    }

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        if (await db.FindMyPairAsync(ProgrammeId, User.UserId(), PairingId, ct, includeEnded: true) is not { } pair) return NotFound();
        // Already ended (by the other side, or this form sent twice): where ending it would have led.
        if (pair.Pairing.Status == PairingStatus.Ended) return RedirectToPage("/Sessions/Pairing", new { programmeId = ProgrammeId, ended = "true" });
        Pair = pair;
        return null;
    }
}

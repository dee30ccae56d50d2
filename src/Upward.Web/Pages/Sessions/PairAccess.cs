using Microsoft.EntityFrameworkCore;
using MimeKit;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Data;
using Upward.Web.Email;

namespace Upward.Web.Pages.Sessions;

/// <summary>The signed-in person's side of one active pairing: which side they are on and who the other is.</summary>
public sealed record MyPair(Pairing Pairing, SessionSide Side, Guid MyEnrolmentId, Guid PartnerEnrolmentId, string Partner);

/// <summary>Finding a pair for one of its two people; anyone else's pairing looks exactly like one that does not exist.</summary>
public static class PairAccess
{
    /// <param name="includeEnded">Also find it once ended (for the page that ends it, which a second click reaches afterwards).</param>
    public static async Task<MyPair?> FindMyPairAsync(this UpwardDbContext db, Guid programmeId, Guid? userId, Guid pairingId, CancellationToken ct, bool includeEnded = false)
    {
        var mine = await db.MyPairingEnrolmentsAsync(programmeId, userId, ct);
        var pairing = await db.Pairings.SingleOrDefaultAsync(p => p.Id == pairingId && p.ProgrammeId == programmeId && (includeEnded || p.Status == PairingStatus.Active)
            && (mine.Contains(p.MentorEnrolmentId) || mine.Contains(p.MenteeEnrolmentId)), ct);
        if (pairing is null) return null;
        var side = mine.Contains(pairing.MentorEnrolmentId) ? SessionSide.Mentor : SessionSide.Mentee;
        var (me, partner) = side == SessionSide.Mentor ? (pairing.MentorEnrolmentId, pairing.MenteeEnrolmentId) : (pairing.MenteeEnrolmentId, pairing.MentorEnrolmentId);
        var name = await db.Enrolments.Where(e => e.Id == partner).Join(db.Users, e => e.UserId, u => u.Id, (e, u) => u.DisplayName).SingleAsync(ct);
        return new MyPair(pairing, side, me, partner, name);
    }

    /// <summary>The person's enrolments in the programme that can be in a pair: as mentor or mentee, not withdrawn.</summary>
    public static Task<List<Guid>> MyPairingEnrolmentsAsync(this UpwardDbContext db, Guid programmeId, Guid? userId, CancellationToken ct) =>
        db.Enrolments.Where(e => e.ProgrammeId == programmeId && e.UserId == userId && e.Status != EnrolmentStatus.Withdrawn
            && (e.Role == ProgrammeRole.Mentor || e.Role == ProgrammeRole.Mentee)).Select(e => e.Id).ToListAsync(ct);

    /// <summary>A pair's sessions in the order they were numbered.</summary>
    public static Task<List<MentoringSession>> SessionsOfAsync(this UpwardDbContext db, Guid pairingId, CancellationToken ct) =>
        db.MentoringSessions.Where(s => s.PairingId == pairingId).OrderBy(s => s.Number).ToListAsync(ct);

    /// <summary>Both people in the pair, as a calendar names them (those with an email address).</summary>
    public static async Task<IReadOnlyList<CalendarPerson>> PeopleOfAsync(this UpwardDbContext db, Pairing pairing, CancellationToken ct) =>
        (await db.Enrolments.Where(e => e.Id == pairing.MentorEnrolmentId || e.Id == pairing.MenteeEnrolmentId)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Role, u.DisplayName, u.Email }).ToListAsync(ct))
        .Where(p => p.Email != null).OrderBy(p => p.Role).Select(p => new CalendarPerson(p.DisplayName, p.Email!)).ToList();

    /// <summary>Upward's own sending address organises every session: it is what sends the invitations.</summary>
    public static CalendarPerson Organiser(EmailOptions email) =>
        MailboxAddress.TryParse(email.From, out var from)
            ? new CalendarPerson(string.IsNullOrWhiteSpace(from.Name) ? "Upward" : from.Name, from.Address)
            : new CalendarPerson("Upward", "upward@localhost");
}

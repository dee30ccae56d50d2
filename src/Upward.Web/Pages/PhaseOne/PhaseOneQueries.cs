using Microsoft.EntityFrameworkCore;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data;

namespace Upward.Web.Pages.PhaseOne;

/// <summary>The reads every phase 1 page starts from.</summary>
public static class PhaseOneQueries
{
    /// <summary>The programme's phase 1 settings, or the defaults if nobody has set them.</summary>
    public static async Task<PhaseOneSettings> PhaseOneSettingsForAsync(this UpwardDbContext db, Guid programmeId, CancellationToken ct) =>
        await db.PhaseOneSettings.SingleOrDefaultAsync(s => s.ProgrammeId == programmeId, ct) ?? PhaseOneSettings.DefaultFor(programmeId);

    /// <summary>Everyone taking part in <paramref name="role"/> (not withdrawn), in code order.</summary>
    public static async Task<IReadOnlyList<Participant>> ParticipantsAsync(this UpwardDbContext db, Guid programmeId, ProgrammeRole role, CancellationToken ct) =>
        await db.Enrolments
            .Where(e => e.ProgrammeId == programmeId && e.Role == role && e.Status != EnrolmentStatus.Withdrawn)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, e.ParticipantCode, u.DisplayName })
            .OrderBy(x => x.ParticipantCode)
            .Select(x => new Participant(x.Id, x.ParticipantCode, x.DisplayName))
            .ToListAsync(ct);

    /// <summary>The signed-in person's own current enrolment in <paramref name="role"/>, if any.</summary>
    public static async Task<Guid?> MyEnrolmentIdAsync(this UpwardDbContext db, Guid programmeId, Guid? userId, ProgrammeRole role, CancellationToken ct) =>
        await db.Enrolments
            .Where(e => e.ProgrammeId == programmeId && e.UserId == userId && e.Role == role && e.Status != EnrolmentStatus.Withdrawn)
            .Select(e => (Guid?)e.Id)
            .SingleOrDefaultAsync(ct);

    /// <summary>
    /// How many distinct mentors' anonymous contributions about a mentee are open in the brief's pool:
    /// those who contributed, less the ballots still sealed until enough others arrive.
    /// </summary>
    public static async Task<int> ContributorCountAsync(this UpwardDbContext db, Guid menteeEnrolmentId, CancellationToken ct) =>
        Math.Max(0, await db.AnonymousContributors.CountAsync(c => c.MenteeEnrolmentId == menteeEnrolmentId, ct)
            - await db.PendingContributions.CountAsync(p => p.MenteeEnrolmentId == menteeEnrolmentId && p.Source == ContributionSource.Mentor, ct));
}

using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Data;

namespace Upward.Web.Pages.Questionnaires;

/// <summary>
/// Who a questionnaire is put to: the consented people of its audience, and for a stage about the
/// one-to-one only those ever paired (see <see cref="StageApplicability"/>). Every count of "answered
/// of" and every reminder uses this, so a never-paired mentor is neither asked nor counted as missing.
/// </summary>
public static class WaveAudiences
{
    public static IQueryable<Enrolment> PutTo(this UpwardDbContext db, Wave wave) => db.PutTo(wave.ProgrammeId, wave.Audience, wave.Stage);

    public static IQueryable<Enrolment> PutTo(this UpwardDbContext db, Guid programmeId, ProgrammeRole audience, Stage stage)
    {
        var consented = db.Enrolments.Where(e => e.ProgrammeId == programmeId && e.Role == audience && e.Status == EnrolmentStatus.Consented);
        return StageApplicability.IsAboutTheOneToOne(stage)
            ? consented.Where(e => db.Pairings.Any(p => p.MentorEnrolmentId == e.Id || p.MenteeEnrolmentId == e.Id))
            : consented;
    }

    /// <summary>Whether the enrolment has been in a pairing, still going or since ended.</summary>
    public static Task<bool> EverPairedAsync(this UpwardDbContext db, Guid enrolmentId, CancellationToken ct) =>
        db.Pairings.AnyAsync(p => p.MentorEnrolmentId == enrolmentId || p.MenteeEnrolmentId == enrolmentId, ct);

    /// <summary>The programme's enrolments that have ever been paired.</summary>
    public static async Task<HashSet<Guid>> PairedEnrolmentsAsync(this UpwardDbContext db, Guid programmeId, CancellationToken ct)
    {
        var pairs = await db.Pairings.Where(p => p.ProgrammeId == programmeId).Select(p => new { p.MentorEnrolmentId, p.MenteeEnrolmentId }).ToListAsync(ct);
        return pairs.SelectMany(p => new[] { p.MentorEnrolmentId, p.MenteeEnrolmentId }).ToHashSet();
    }
}

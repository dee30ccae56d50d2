using Microsoft.EntityFrameworkCore;
using Upward.Core.Evaluation;
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
        var everPaired = db.EverPaired();
        if (stage == Stage.BeforeAgain)
        {
            var told = db.ToldTheyWait();
            return consented.Where(e => told.Contains(e.Id));
        }
        return StageApplicability.IsAboutTheOneToOne(stage) ? consented.Where(e => everPaired.Contains(e.Id)) : consented;
    }

    /// <summary>
    /// The mentees told they are in the "start later" arm of a waitlist control, or in a later step of a
    /// stepped wedge whose step has started: the only people the second before-questionnaire is put to
    /// (never before the arms or steps are released). A stepped wedge's mentees answer it when their own
    /// step starts, so the end of their waiting is what it measures, not the first later step's.
    /// </summary>
    public static IQueryable<Guid> ToldTheyWait(this UpwardDbContext db) =>
        from a in db.ArmAssignments
        join w in db.WaitlistAllocations on a.ProgrammeId equals w.ProgrammeId
        where a.Step > 1 && w.ReleasedAtUtc != null
            && (w.Design != AnalysisPlan.SteppedWedge || db.DesignSteps.Any(s => s.ProgrammeId == a.ProgrammeId && s.Number == a.Step && s.StartedAtUtc != null))
        select a.EnrolmentId;

    /// <summary>Those of a programme told they wait, as a set for in-memory checks.</summary>
    public static async Task<HashSet<Guid>> ToldTheyWaitAsync(this UpwardDbContext db, Guid programmeId, CancellationToken ct) =>
        (await db.ToldTheyWait().Where(id => db.Enrolments.Any(e => e.Id == id && e.ProgrammeId == programmeId)).ToListAsync(ct)).ToHashSet();

    /// <summary>
    /// The enrolments that have been in a pairing, still going or since ended: the one meaning of
    /// "ever paired" that every query about the one-to-one uses, composed into it as a subquery.
    /// </summary>
    public static IQueryable<Guid> EverPaired(this UpwardDbContext db) =>
        db.Pairings.Select(p => p.MentorEnrolmentId).Concat(db.Pairings.Select(p => p.MenteeEnrolmentId));

    /// <summary>Those of the given enrolments that have ever been paired.</summary>
    public static async Task<HashSet<Guid>> EverPairedOfAsync(this UpwardDbContext db, IReadOnlyCollection<Guid> enrolmentIds, CancellationToken ct) =>
        (await db.EverPaired().Where(id => enrolmentIds.Contains(id)).Distinct().ToListAsync(ct)).ToHashSet();

    /// <summary>The programme's enrolments that have ever been paired.</summary>
    public static async Task<HashSet<Guid>> PairedEnrolmentsAsync(this UpwardDbContext db, Guid programmeId, CancellationToken ct)
    {
        var ofProgramme = db.Pairings.Where(p => p.ProgrammeId == programmeId);
        return (await ofProgramme.Select(p => p.MentorEnrolmentId).Concat(ofProgramme.Select(p => p.MenteeEnrolmentId)).Distinct().ToListAsync(ct)).ToHashSet();
    }
}

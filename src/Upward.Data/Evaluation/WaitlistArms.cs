using Microsoft.EntityFrameworkCore;
using Upward.Core.Designs;

namespace Upward.Data.Evaluation;

/// <summary>A waitlist programme's arms by participant code: what the report needs, with no other fact about the people.</summary>
public static class WaitlistArms
{
    public static async Task<IReadOnlyDictionary<string, Arm>> ByCodeAsync(this UpwardDbContext db, Guid programmeId, CancellationToken ct) =>
        await (from a in db.ArmAssignments
               join e in db.Enrolments on a.EnrolmentId equals e.Id
               where a.ProgrammeId == programmeId
               select new { e.ParticipantCode, a.Step })
            .ToDictionaryAsync(x => x.ParticipantCode, x => Steps.ArmOf(x.Step), StringComparer.Ordinal, ct);

    /// <summary>A stepped wedge's steps by participant code (empty for any other design): each drawn mentee's step.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> StepsByCodeAsync(this UpwardDbContext db, Guid programmeId, CancellationToken ct)
    {
        bool wedge = await db.WaitlistAllocations.AnyAsync(a => a.ProgrammeId == programmeId && a.Design == Core.Evaluation.AnalysisPlan.SteppedWedge, ct);
        if (!wedge) return new Dictionary<string, int>();
        return await (from a in db.ArmAssignments
                      join e in db.Enrolments on a.EnrolmentId equals e.Id
                      where a.ProgrammeId == programmeId
                      select new { e.ParticipantCode, a.Step })
            .ToDictionaryAsync(x => x.ParticipantCode, x => x.Step, StringComparer.Ordinal, ct);
    }
}

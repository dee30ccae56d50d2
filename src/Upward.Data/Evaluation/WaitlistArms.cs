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
               select new { e.ParticipantCode, a.Arm })
            .ToDictionaryAsync(x => x.ParticipantCode, x => x.Arm, StringComparer.Ordinal, ct);
}

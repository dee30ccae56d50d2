using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Upward.Core.PhaseOne;

namespace Upward.Data.PhaseOne;

/// <summary>
/// Stores a mentor's anonymous feedback on one mentee like a ballot: the fact that they voted in
/// one table, what they wrote in another with nothing joining the two.
/// </summary>
public static class AnonymousBallot
{
    /// <summary>
    /// Records that the mentor contributed and adds their contributions, re-issuing every earlier
    /// contribution about the same mentee under new random ids in a shuffled order, all in one
    /// save. Afterwards neither ids nor physical row order (SQLite rowid, PostgreSQL ctid and xmin)
    /// tell which rows arrived with which contributor record. False if they have already contributed.
    /// </summary>
    public static async Task<bool> CastAsync(this UpwardDbContext db, Guid programmeId, Guid mentorEnrolmentId, Guid menteeEnrolmentId,
        IReadOnlyList<AnonymousContribution> contributions, CancellationToken ct)
    {
        if (await db.AnonymousContributors.AnyAsync(c => c.MenteeEnrolmentId == menteeEnrolmentId && c.MentorEnrolmentId == mentorEnrolmentId, ct))
        {
            return false;
        }
        var earlier = await db.AnonymousContributions.Where(c => c.MenteeEnrolmentId == menteeEnrolmentId).ToListAsync(ct);
        var all = earlier.Select(c => c.Reissued()).Concat(contributions.Select(c => c.Reissued())).ToArray();
        RandomNumberGenerator.Shuffle(all.AsSpan());

        db.AnonymousContributions.RemoveRange(earlier);
        db.AnonymousContributions.AddRange(all);
        db.AnonymousContributors.Add(new AnonymousContributor { ProgrammeId = programmeId, MentorEnrolmentId = mentorEnrolmentId, MenteeEnrolmentId = menteeEnrolmentId });
        // Deliberately no audit entry: its actor and exact time would pair the mentor with these rows.
        await db.SaveChangesAsync(ct);
        return true;
    }
}

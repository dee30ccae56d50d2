using Microsoft.EntityFrameworkCore;
using Upward.Core.People;

namespace Upward.Data.People;

/// <summary>
/// Which of a programme's enrolments have consent in force for a purpose, read in one query (a join on the
/// programme, not a list of ids: a large programme has tens of thousands) and settled by Core's
/// <see cref="Consent.IsGiven"/>, the one rule of which decision is in force. The free-text pages and the
/// research bundle both ask this, so they can never disagree about whose answers may be used.
/// </summary>
public static class ConsentInForce
{
    public static async Task<HashSet<Guid>> GivenAsync(this UpwardDbContext db, Guid programmeId, ConsentPurpose purpose, CancellationToken ct) =>
        [.. (await DecidedAsync(db, programmeId, purpose, ct)).Where(g => Consent.IsGiven(g, purpose)).Select(g => g.Key)];

    /// <summary>
    /// The enrolments that decided on the purpose but whose decision in force withholds it (consent
    /// withdrawn, or refused). With "has a decision on the purpose" this says the same as <see cref="GivenAsync"/>:
    /// given is decided and not withheld, as <see cref="Consent.IsGiven"/> is false for no decisions.
    /// It is usually a handful where the given are nearly the whole programme, so it is the list a query
    /// is better sent: PostgreSQL took longer to plan a query with 10,000 ids in it than to run it.
    /// </summary>
    /// <remarks>
    /// Only the histories holding a refusal are read: a participant who never refused has consent in force
    /// under any rule of which decision counts. Reading every participant's decisions to find the few took
    /// 90 ms at 10,000 participants, on every free-text page.
    /// </remarks>
    public static async Task<HashSet<Guid>> WithheldAsync(this UpwardDbContext db, Guid programmeId, ConsentPurpose purpose, CancellationToken ct) =>
        [.. (await DecidedAsync(db, programmeId, purpose, ct, onlyWhereRefused: true)).Where(g => !Consent.IsGiven(g, purpose)).Select(g => g.Key)];

    private static async Task<IEnumerable<IGrouping<Guid, ConsentDecision>>> DecidedAsync(
        UpwardDbContext db, Guid programmeId, ConsentPurpose purpose, CancellationToken ct, bool onlyWhereRefused = false)
    {
        var decisions = from d in db.ConsentDecisions
                        join e in db.Enrolments on d.EnrolmentId equals e.Id
                        where e.ProgrammeId == programmeId && d.Purpose == purpose
                        select d;
        if (onlyWhereRefused)
        {
            decisions = decisions.Where(d => db.ConsentDecisions.Any(r => r.EnrolmentId == d.EnrolmentId && r.Purpose == purpose && !r.Given));
        }
        return (await decisions.AsNoTracking().ToListAsync(ct)).GroupBy(d => d.EnrolmentId);
    }
}

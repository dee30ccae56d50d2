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
    public static async Task<HashSet<Guid>> GivenAsync(this UpwardDbContext db, Guid programmeId, ConsentPurpose purpose, CancellationToken ct)
    {
        var decisions = await (from d in db.ConsentDecisions
                               join e in db.Enrolments on d.EnrolmentId equals e.Id
                               where e.ProgrammeId == programmeId && d.Purpose == purpose
                               select d).AsNoTracking().ToListAsync(ct);
        return decisions.GroupBy(d => d.EnrolmentId).Where(g => Consent.IsGiven(g, purpose)).Select(g => g.Key).ToHashSet();
    }
}

using Microsoft.EntityFrameworkCore;
using Upward.Data;

namespace Upward.Web.Pages.Questionnaires;

/// <summary>Who has ever been paired (in a pairing still going or since ended): whom the one-to-one stages are for.</summary>
public static class PairedQueries
{
    public static async Task<bool> EverPairedAsync(this UpwardDbContext db, Guid enrolmentId, CancellationToken ct) =>
        await db.Pairings.AnyAsync(p => p.MentorEnrolmentId == enrolmentId || p.MenteeEnrolmentId == enrolmentId, ct);

    public static async Task<IReadOnlyList<Guid>> PairedEnrolmentsAsync(this UpwardDbContext db, Guid programmeId, CancellationToken ct) =>
        (await db.Pairings.Where(p => p.ProgrammeId == programmeId).Select(p => new { p.MentorEnrolmentId, p.MenteeEnrolmentId }).ToListAsync(ct))
            .SelectMany(p => new[] { p.MentorEnrolmentId, p.MenteeEnrolmentId }).Distinct().ToList();
}

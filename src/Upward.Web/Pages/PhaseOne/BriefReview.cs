using Microsoft.EntityFrameworkCore;
using Upward.Core.PhaseOne;
using Upward.Core.Sessions;
using Upward.Data;

namespace Upward.Web.Pages.PhaseOne;

/// <summary>What the review of a brief needs beyond the brief itself: whom it goes to, and which names in it still need a look.</summary>
public static class BriefReview
{
    /// <summary>The mentor in the mentee's active pairing, if the allocation (or pairing by hand) has made one.</summary>
    public static Task<Guid?> AllocatedMentorAsync(this UpwardDbContext db, Guid menteeEnrolmentId, CancellationToken ct) =>
        db.Pairings.Where(p => p.MenteeEnrolmentId == menteeEnrolmentId && p.Status == PairingStatus.Active)
            .Select(p => (Guid?)p.MentorEnrolmentId).FirstOrDefaultAsync(ct);

    /// <summary>Names of the programme's people found in the brief that the reviewer has not confirmed are someone else.</summary>
    public static async Task<(IReadOnlyList<string> Found, IReadOnlyList<string> Unconfirmed)> NamesInAsync(this UpwardDbContext db, FeedbackBrief brief,
        IEnumerable<string> domainNames, CancellationToken ct)
    {
        var people = await db.Enrolments.Where(e => e.ProgrammeId == brief.ProgrammeId)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => u.DisplayName).Distinct().ToListAsync(ct);
        var text = string.Join("\n", brief.Sections.Select(s => s.Text));
        var found = ParticipantNames.Find(text, people, domainNames);
        var confirmed = await db.BriefNameConfirmations.Where(c => c.BriefId == brief.Id).Select(c => c.Phrase).ToListAsync(ct);
        return (found, found.Where(f => !confirmed.Any(c => ParticipantNames.Same(c, f))).ToList());
    }
}

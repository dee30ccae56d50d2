using Microsoft.AspNetCore.Mvc;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.PhaseOne;

/// <summary>
/// A phase 1 page about one mentee named in the route. The mentee must be a current mentee of this
/// programme, and never the person looking: nobody facilitates or contributes to their own brief.
/// </summary>
public abstract class MenteePageModel(UpwardDbContext db) : ProgrammePageModel
{
    protected UpwardDbContext Db { get; } = db;

    [FromRoute(Name = "menteeId")] public Guid MenteeId { get; set; }

    public Participant Mentee { get; private set; } = null!;

    /// <summary>The mentee check, once the page's own capability is granted; a tampered or foreign mentee id is simply not found.</summary>
    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        var mentees = await Db.ParticipantsAsync(ProgrammeId, ProgrammeRole.Mentee, ct);
        var mine = await Db.MyEnrolmentIdAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentee, ct);
        var mentee = mentees.SingleOrDefault(m => m.EnrolmentId == MenteeId);
        if (mentee is null || mentee.EnrolmentId == mine)
        {
            return NotFound();
        }
        Mentee = mentee;
        return null;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.PhaseOne;

/// <summary>
/// A mentee's own released brief, by domain, with no names. The page takes no mentee id: it can
/// only ever show the signed-in mentee's own brief, and nothing before release.
/// </summary>
[Requires(ProgrammeCapability.ReadOwnBrief)]
public sealed class MyFeedbackModel(UpwardDbContext db) : ProgrammePageModel
{
    public FeedbackBrief? Brief { get; private set; }
    public bool Anonymous { get; private set; }

    /// <summary>The programme lets mentees invite colleagues for 360° feedback (shown on a page of its own).</summary>
    public bool ColleagueInput { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = await db.MyEnrolmentIdAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentee, ct);
        Anonymous = (await db.PhaseOneSettingsForAsync(ProgrammeId, ct)).Mode == FeedbackMode.Anonymous;
        ColleagueInput = await db.PreparationSettings.AnyAsync(s => s.ProgrammeId == ProgrammeId && s.ColleagueInputEnabled, ct);
        Brief = await db.FeedbackBriefs.Include(b => b.Sections)
            .SingleOrDefaultAsync(b => b.MenteeEnrolmentId == me && b.ReleasedToMenteeAtUtc != null, ct);
        return Page();
    }

    /// <summary>The section's text with the rating the group recorded, which editing never drops.</summary>
    public string TextFor(Guid domainId) => Brief?.Sections.SingleOrDefault(s => s.DomainId == domainId) is { } s
        ? (s.Rating is null ? s.Text : $"{s.Text}\n{s.Rating}".Trim())
        : "";
}

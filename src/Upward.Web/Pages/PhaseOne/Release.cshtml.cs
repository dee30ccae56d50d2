using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.PhaseOne;

/// <summary>The facilitator reads the brief as it will be read, marks it reviewed and releases it; Core's rule says when.</summary>
[Requires(ProgrammeCapability.FacilitatePhaseOne)]
public sealed class ReleaseModel(UpwardDbContext db) : MenteePageModel(db)
{
    public PhaseOneSettings Settings { get; private set; } = null!;
    public FeedbackBrief? Brief { get; private set; }
    public int Contributors { get; private set; }
    public string? Refusal { get; private set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        await LoadAsync(ct);
        Done = done switch { "reviewed" => "The brief is marked as reviewed.", "mentee" => $"The brief is released to {Mentee.Name}.", "mentor" => "The brief is released to the allocated mentor.", _ => null };
        return Brief is null ? Redirect(BriefPage) : Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Brief is null)
        {
            return Redirect(BriefPage);
        }
        if (!Brief.IsEditable || Brief.ReviewedAtUtc is not null)
        {
            return Redirect(Here("reviewed"));
        }
        if (Brief.Sections.All(s => string.IsNullOrWhiteSpace(s.Text)))
        {
            Refusal = "The brief is empty. Write it before marking it as reviewed.";
            return Page();
        }
        Brief.ReviewedAtUtc = DateTime.UtcNow;
        Brief.Status = BriefStatus.Reviewed;
        Db.Audit(AuditAction.BriefReviewed, User.UserId(), Programme.OrganisationId, ProgrammeId, $"brief:{Brief.Id}");
        await Db.SaveChangesAsync(ct);
        return Redirect(Here("reviewed"));
    }

    public Task<IActionResult> OnPostMenteeAsync(CancellationToken ct) => ReleaseAsync(ReleaseAudience.Mentee, ct);

    public Task<IActionResult> OnPostMentorAsync(CancellationToken ct) => ReleaseAsync(ReleaseAudience.Mentor, ct);

    private async Task<IActionResult> ReleaseAsync(ReleaseAudience audience, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Brief is null)
        {
            return Redirect(BriefPage);
        }
        var decision = FeedbackBriefRelease.CanRelease(Brief, audience, Settings, Programme.AnonymityThreshold, Contributors);
        if (!decision.Allowed)
        {
            Refusal = decision.Reason;
            return Page();
        }
        FeedbackBriefRelease.Release(Brief, audience, DateTime.UtcNow);
        Db.Audit(AuditAction.BriefReleased, User.UserId(), Programme.OrganisationId, ProgrammeId,
            audience == ReleaseAudience.Mentee ? $"brief:{Brief.Id} to:mentee" : $"brief:{Brief.Id} to:enrolment:{Brief.AllocatedMentorEnrolmentId}");
        await Db.SaveChangesAsync(ct);
        return Redirect(Here(audience == ReleaseAudience.Mentee ? "mentee" : "mentor"));
    }

    private string BriefPage => $"/programmes/{ProgrammeId}/phase-one/mentees/{MenteeId}/brief";
    private string Here(string done) => $"/programmes/{ProgrammeId}/phase-one/mentees/{MenteeId}/release?done={done}";

    private async Task LoadAsync(CancellationToken ct)
    {
        Settings = await Db.PhaseOneSettingsForAsync(ProgrammeId, ct);
        Brief = await Db.FeedbackBriefs.Include(b => b.Sections).SingleOrDefaultAsync(b => b.MenteeEnrolmentId == MenteeId, ct);
        Contributors = await Db.ContributorCountAsync(MenteeId, ct);
    }

    public string TextFor(Guid domainId) => Brief?.Sections.SingleOrDefault(s => s.DomainId == domainId)?.Text ?? "";
}

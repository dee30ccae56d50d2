using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Notifications;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Pages.Notifications;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.PhaseOne;

/// <summary>The facilitator reads the brief as it will be read, marks it reviewed and releases it; Core's rule says when.</summary>
[Requires(ProgrammeCapability.FacilitatePhaseOne)]
public sealed class ReleaseModel(UpwardDbContext db, NotificationQueue queue, TimeProvider clock, Upward.Web.Programmes.PageLinks pages) : MenteePageModel(db)
{

    public PhaseOneSettings Settings { get; private set; } = null!;
    public FeedbackBrief? Brief { get; private set; }
    public int Contributors { get; private set; }
    public string? Refusal { get; private set; }
    public string? Done { get; private set; }

    /// <summary>Names of the programme's people found in the brief, and those the reviewer has not yet confirmed are someone else.</summary>
    public IReadOnlyList<string> NamesFound { get; private set; } = [];
    public IReadOnlyList<string> NamesUnconfirmed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        await LoadAsync(ct);
        Done = done switch { "reviewed" => "The brief is marked as reviewed.", "mentee" => $"The brief is released to {Mentee.Name}.", "mentor" => "The brief is released to the allocated mentor.", "confirmed" => "The name is marked as not a participant.", _ => null };
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
        if (NamesUnconfirmed.Count > 0)
        {
            Refusal = $"The brief names people in this programme ({string.Join(", ", NamesUnconfirmed)}). Edit the names out, or confirm below that each is not a participant, before marking it as reviewed.";
            return Page();
        }
        Brief.ReviewedAtUtc = clock.GetUtcNow().UtcDateTime;
        Brief.Status = BriefStatus.Reviewed;
        Db.Audit(AuditAction.BriefReviewed, User.UserId(), Programme.OrganisationId, ProgrammeId, $"brief:{Brief.Id}");
        await Db.SaveChangesAsync(ct);
        return Redirect(Here("reviewed"));
    }

    /// <summary>The reviewer confirms that a name found in the brief is not one of the programme's people.</summary>
    public async Task<IActionResult> OnPostConfirmAsync([FromForm] string? phrase, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Brief is null)
        {
            return Redirect(BriefPage);
        }
        var name = NamesUnconfirmed.FirstOrDefault(n => phrase is not null && ParticipantNames.Same(n, phrase));
        if (name is null || !Brief.IsEditable)
        {
            ModelState.AddModelError("phrase", "Select a name found in the brief that still needs checking");
            return Page();
        }
        await Db.UpsertAsync([new BriefNameConfirmation { BriefId = Brief.Id, Phrase = name }], c => new { c.BriefId, c.Phrase }, null, ct);
        return Redirect(Here("confirmed"));
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
        FeedbackBriefRelease.Release(Brief, audience, clock.GetUtcNow().UtcDateTime);
        Db.Audit(AuditAction.BriefReleased, User.UserId(), Programme.OrganisationId, ProgrammeId,
            audience == ReleaseAudience.Mentee ? $"brief:{Brief.Id} to:mentee" : $"brief:{Brief.Id} to:enrolment:{Brief.AllocatedMentorEnrolmentId}");
        await Db.SaveChangesAsync(ct);
        if (audience == ReleaseAudience.Mentee) await TellMenteeAsync(ct);
        return Redirect(Here(audience == ReleaseAudience.Mentee ? "mentee" : "mentor"));
    }

    private async Task TellMenteeAsync(CancellationToken ct)
    {
        var mentee = await Db.Enrolments.Where(e => e.Id == MenteeId)
            .Join(Db.Users, e => e.UserId, u => u.Id, (e, u) => new Recipient(u.Id, u.DisplayName)).SingleOrDefaultAsync(ct);
        if (mentee is null) return;
        await queue.AddAsync([queue.Make(Programme, mentee, NotificationKind.BriefReleased, $"{NotificationKind.BriefReleased}:{Brief!.Id:N}", Brief.Id,
            pages.Programme(ProgrammeId, "/PhaseOne/MyFeedback"), new NotificationTexts.Facts(mentee.Name, Programme.Name))], ct);
    }

    private string BriefPage => Url.Page("/PhaseOne/Brief", new { programmeId = ProgrammeId, menteeId = MenteeId })!;
    private string Here(string done) => Url.Page("/PhaseOne/Release", new { programmeId = ProgrammeId, menteeId = MenteeId, done })!;

    private async Task LoadAsync(CancellationToken ct)
    {
        Settings = await Db.PhaseOneSettingsForAsync(ProgrammeId, ct);
        Brief = await Db.FeedbackBriefs.Include(b => b.Sections).SingleOrDefaultAsync(b => b.MenteeEnrolmentId == MenteeId, ct);
        Contributors = await Db.ContributorCountAsync(MenteeId, ct);
        if (Brief is not null)
        {
            // A brief started before the fix for issue 16, or before a pairing by hand, learns its mentor here.
            Brief.AllocatedMentorEnrolmentId ??= await Db.AllocatedMentorAsync(MenteeId, ct);
            (NamesFound, NamesUnconfirmed) = await Db.NamesInAsync(Brief, Programme.Domains.Select(d => d.Name), ct);
        }
    }

    /// <summary>A paragraph cut into plain runs and the names found in it, to be highlighted.</summary>
    public IEnumerable<(string Text, bool IsName, bool Confirmed)> Highlight(string paragraph)
    {
        if (NamesFound.Count == 0)
        {
            yield return (paragraph, false, false);
            yield break;
        }
        var pattern = string.Join("|", NamesFound.OrderByDescending(n => n.Length).Select(n => System.Text.RegularExpressions.Regex.Escape(n).Replace("\\ ", "\\s+")));
        var at = 0;
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(paragraph, $"(?<![\\p{{L}}\\p{{N}}])(?:{pattern})(?![\\p{{L}}\\p{{N}}])", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
        {
            if (m.Index > at) yield return (paragraph[at..m.Index], false, false);
            yield return (m.Value, true, !NamesUnconfirmed.Any(n => ParticipantNames.Same(n, m.Value)));
            at = m.Index + m.Length;
        }
        if (at < paragraph.Length) yield return (paragraph[at..], false, false);
    }

    public string? RatingFor(Guid domainId) => Brief?.Sections.SingleOrDefault(s => s.DomainId == domainId)?.Rating;

    public string TextFor(Guid domainId) => Brief?.Sections.SingleOrDefault(s => s.DomainId == domainId)?.Text ?? "";
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Data.PhaseOne;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.PhaseOne;

/// <summary>
/// A mentor's anonymous feedback on one mentee, domain by domain. Sent once, like a ballot: it is
/// stored without the author, so it cannot be shown back to them or changed.
/// </summary>
[Requires(ProgrammeCapability.ContributeFeedback)]
public sealed class ContributeAboutModel(UpwardDbContext db, IBallotSeal seal, ILogger<ContributeAboutModel> log) : MenteePageModel(db)
{
    public const int TextLimit = SealedBallot.TextLimit;

    [BindProperty] public List<Comment> Comments { get; set; } = [];
    public bool AnonymousMode { get; private set; }
    public bool AlreadySent { get; private set; }

    public sealed class Comment
    {
        public Guid DomainId { get; set; }
        public string? Text { get; set; }
        public int? Rating { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Comments = Programme.Domains.Select(d => new Comment { DomainId = d.Id }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var mentorId = await LoadAsync(ct);
        if (!AnonymousMode || AlreadySent)
        {
            return Page();
        }
        var domains = Programme.Domains.Select(d => d.Id).ToList();
        if (Comments.Count != domains.Count || Comments.Select(c => c.DomainId).Except(domains).Any() || Comments.Select(c => c.DomainId).Distinct().Count() != domains.Count)
        {
            Comments = domains.Select(id => Comments.FirstOrDefault(c => c.DomainId == id) ?? new Comment { DomainId = id }).ToList();
            ModelState.Clear();
            ModelState.AddModelError("", "The domains have changed since the page was opened. Check your feedback and send it again.");
            return Page();
        }
        for (var i = 0; i < Comments.Count; i++)
        {
            var domain = DomainName(Comments[i].DomainId).ToLowerInvariant();
            if (ModelState[$"Comments[{i}].Rating"] is { Errors.Count: > 0 } bad)
            {
                bad.Errors.Clear();
                ModelState.AddModelError($"Comments[{i}].Rating", $"The rating for {domain} must be from 1 to 5, or none");
            }
            else if (!Rating.IsValid(Comments[i].Rating))
            {
                ModelState.AddModelError($"Comments[{i}].Rating", $"The rating for {domain} must be from 1 to 5, or none");
            }
            if (Comments[i].Text is { Length: > TextLimit })
            {
                ModelState.AddModelError($"Comments[{i}].Text", $"Your comments on {domain} must be {TextLimit} characters or fewer");
            }
        }
        if (Comments.All(c => string.IsNullOrWhiteSpace(c.Text)))
        {
            ModelState.AddModelError("Comments[0].Text", "Write a comment on at least one domain");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var contributions = Comments
            .Where(c => !string.IsNullOrWhiteSpace(c.Text) || c.Rating is not null)
            .Select(c => new AnonymousContribution { ProgrammeId = ProgrammeId, MenteeEnrolmentId = MenteeId, DomainId = c.DomainId, Text = c.Text?.Trim() ?? "", Rating = c.Rating })
            .ToList();
        if (!await Db.CastAsync(seal, ProgrammeId, mentorId, MenteeId, contributions, Programme.Domains.Count, ct))
        {
            AlreadySent = true;
            return Page();
        }
        await PhaseOneBallots.ReleaseIfDueAsync(Db, seal, MenteeId, log, ct);
        return RedirectToPage("/PhaseOne/Contribute", new { programmeId = ProgrammeId, sent = "true" });
    }

    private async Task<Guid> LoadAsync(CancellationToken ct)
    {
        AnonymousMode = (await Db.PhaseOneSettingsForAsync(ProgrammeId, ct)).Mode == FeedbackMode.Anonymous;
        var mentorId = (await Db.MyEnrolmentIdAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentor, ct))!.Value;
        AlreadySent = await Db.AnonymousContributors.AnyAsync(c => c.MentorEnrolmentId == mentorId && c.MenteeEnrolmentId == MenteeId, ct);
        return mentorId;
    }

    public string DomainName(Guid domainId) => Programme.Domains.SingleOrDefault(d => d.Id == domainId)?.Name ?? "this domain";
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Colleagues;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Data.PhaseOne;
using Upward.Web.Pages.PhaseOne;

namespace Upward.Web.Pages.Colleagues;

/// <summary>
/// A colleague with no account answers a mentee's request for 360° feedback through the link they
/// were emailed. The comments go into the same sealed ballot box as mentors' anonymous feedback
/// (<see cref="AnonymousBallot.CastForColleagueAsync"/>): sealed, fixed length, opened only k
/// colleagues at a time, with nothing pointing back at the invitation. The link works once: sending
/// spends it. A forged, used or expired link, or a programme that no longer asks colleagues, gets a
/// page that says so, never an error.
/// </summary>
[AllowAnonymous]
public sealed class RespondModel(UpwardDbContext db, IBallotSeal seal, TimeProvider clock, ILogger<RespondModel> log) : PageModel
{
    public const int TextLimit = SealedBallot.TextLimit;

    [FromRoute] public string Token { get; set; } = "";
    [BindProperty] public List<Comment> Comments { get; set; } = [];

    /// <summary>Why the link cannot be used, or null when the form is shown.</summary>
    public LinkProblem? Problem { get; private set; }
    public string MenteeName { get; private set; } = "";
    public Programme Programme { get; private set; } = null!;

    private ColleagueInvitation? _invitation;

    public enum LinkProblem { NotFound, Used, Expired, Closed }

    public sealed class Comment
    {
        public Guid DomainId { get; set; }
        public string? Text { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Page();
        Comments = Programme.Domains.Select(d => new Comment { DomainId = d.Id }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Page();
        var domains = Programme.Domains.Select(d => d.Id).ToList();
        if (Comments.Count != domains.Count || Comments.Select(c => c.DomainId).Except(domains).Any() || Comments.Select(c => c.DomainId).Distinct().Count() != domains.Count)
        {
            Comments = domains.Select(id => Comments.FirstOrDefault(c => c.DomainId == id) ?? new Comment { DomainId = id }).ToList();
            ModelState.Clear();
            ModelState.AddModelError("", "The questions have changed since the page was opened. Check your feedback and send it again.");
            return Page();
        }
        for (var i = 0; i < Comments.Count; i++)
        {
            if (Comments[i].Text is { Length: > TextLimit })
            {
                ModelState.AddModelError($"Comments[{i}].Text", $"Your comments on {DomainName(Comments[i].DomainId).ToLowerInvariant()} must be {TextLimit} characters or fewer");
            }
        }
        if (Comments.All(c => string.IsNullOrWhiteSpace(c.Text)))
        {
            ModelState.AddModelError("Comments[0].Text", "Write a comment on at least one area");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var contributions = Comments.Where(c => !string.IsNullOrWhiteSpace(c.Text))
            .Select(c => new AnonymousContribution
            {
                ProgrammeId = Programme.Id, MenteeEnrolmentId = _invitation!.MenteeEnrolmentId, DomainId = c.DomainId, Text = c.Text!.Trim(), Source = ContributionSource.Colleague,
            })
            .ToList();
        if (!await db.CastForColleagueAsync(seal, _invitation!.Id, clock.GetUtcNow().UtcDateTime, contributions, Programme.Domains.Count, ct))
        {
            // Sent twice at once, or it expired while the page was open: the first send stands.
            Problem = _invitation.ExpiresAtUtc <= clock.GetUtcNow().UtcDateTime ? LinkProblem.Expired : LinkProblem.Used;
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }
        await PhaseOneBallots.ReleaseIfDueAsync(db, seal, _invitation.MenteeEnrolmentId, log, ct);
        return RedirectToPage("/Colleagues/ThankYou");
    }

    /// <summary>False (with <see cref="Problem"/> set and the status code to match) when the link cannot be used.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        _invitation = await db.FindAsync(Token, ct);
        if (_invitation is null)
        {
            return Refuse(LinkProblem.NotFound, StatusCodes.Status404NotFound);
        }
        if (_invitation.Answered)
        {
            return Refuse(LinkProblem.Used, StatusCodes.Status410Gone);
        }
        if (!_invitation.IsOpen(clock.GetUtcNow().UtcDateTime))
        {
            return Refuse(LinkProblem.Expired, StatusCodes.Status410Gone);
        }
        var mentee = await db.Enrolments.AsNoTracking().Where(e => e.Id == _invitation.MenteeEnrolmentId)
            .Select(e => new { e.Status, e.UserId }).SingleAsync(ct);
        if (!await db.ColleagueInputEnabledAsync(_invitation.ProgrammeId, ct) || mentee.Status == EnrolmentStatus.Withdrawn)
        {
            return Refuse(LinkProblem.Closed, StatusCodes.Status410Gone);
        }
        Programme = await db.Programmes.AsNoTracking().Include(p => p.Domains.OrderBy(d => d.Position)).SingleAsync(p => p.Id == _invitation.ProgrammeId, ct);
        MenteeName = await db.Users.Where(u => u.Id == mentee.UserId).Select(u => u.DisplayName).SingleAsync(ct);
        return true;
    }

    private bool Refuse(LinkProblem problem, int status)
    {
        Problem = problem;
        Response.StatusCode = status;
        return false;
    }

    public string DomainName(Guid domainId) => Programme.Domains.SingleOrDefault(d => d.Id == domainId)?.Name ?? "this area";
}

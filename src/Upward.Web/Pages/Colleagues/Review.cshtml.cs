using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Paging;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Colleagues;

/// <summary>
/// A facilitator reads colleagues' comments before the mentee does. Mentors' words reach a mentee
/// through a brief that a facilitator writes and reviews; colleagues' words would otherwise reach
/// them as written, so here each comment can be removed (abusive, or naming its writer or a
/// patient) but not reworded, and the rest are then shown to the mentee. Comments arrive here only
/// once k colleagues have answered, in the pool's unlinkable form: the facilitator learns nothing
/// about who wrote what either. Both actions are audited against the mentee, never the words.
/// </summary>
[Requires(ProgrammeCapability.FacilitatePhaseOne)]
public sealed class ReviewModel(UpwardDbContext db) : ProgrammePageModel
{
    /// <summary>One mentee's comments that no one has yet let them see.</summary>
    public sealed record MenteeComments(Guid MenteeEnrolmentId, string MenteeName, IReadOnlyList<AnonymousContribution> Comments, string MenteeCode = "");

    public IReadOnlyList<MenteeComments> Mentees { get; private set; } = [];

    [FromQuery(Name = "pageNumber")] public int PageNumber { get; set; } = 1;

    /// <summary>A mentee's name or participant code, or part of one.</summary>
    [FromQuery(Name = "search")] public string? Search { get; set; }

    public ListPage Paging { get; private set; } = ListPage.Of(1, MenteePage.Size, 0);

    /// <summary>The page to go back to after an action (the buttons' addresses carry it); null for the first, so the address stays short.</summary>
    public int? PageShown => PageNumber > 1 ? PageNumber : null;

    public string? SearchShown => string.IsNullOrWhiteSpace(Search) ? null : Search;

    [FromQuery] public string? Done { get; set; }

    /// <summary>The comment chosen for removal: the page asks the facilitator to confirm it, with its words, as removal cannot be undone.</summary>
    [FromQuery(Name = "remove")] public Guid? RemoveChosen { get; set; }

    /// <summary>The comment being confirmed for removal and whom it is about; null when none is (or the one chosen is gone or shown).</summary>
    public (AnonymousContribution Comment, string MenteeName)? Confirming { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (RemoveChosen is { } chosen && await Unshown().AsNoTracking().SingleOrDefaultAsync(c => c.Id == chosen, ct) is { } comment)
        {
            var name = await db.Enrolments.Where(e => e.Id == comment.MenteeEnrolmentId).Join(db.Users, e => e.UserId, u => u.Id, (e, u) => u.DisplayName).SingleAsync(ct);
            Confirming = (comment, name);
            return Page();
        }
        // A comment already removed or shown by someone else, or not this programme's: the list, as it now stands.
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid commentId, CancellationToken ct)
    {
        var mentee = await Unshown().Where(c => c.Id == commentId).Select(c => (Guid?)c.MenteeEnrolmentId).SingleOrDefaultAsync(ct);
        if (mentee is null)
        {
            // Already removed or shown (two facilitators at once), or not this programme's: nothing to do.
            return RedirectToPage("/Colleagues/Review", new { programmeId = ProgrammeId, pageNumber = PageShown, search = SearchShown });
        }
        await db.WriteAtomicallyAsync(async ct =>
        {
            var removed = await Unshown().Where(c => c.Id == commentId).ExecuteDeleteAsync(ct);
            if (removed == 1)
            {
                db.Audit(AuditAction.ColleagueCommentRemoved, User.UserId(), Programme.OrganisationId, ProgrammeId, $"enrolment:{mentee}");
                await db.SaveChangesAsync(ct);
            }
            return removed;
        }, ct);
        return RedirectToPage("/Colleagues/Review", new { programmeId = ProgrammeId, done = "removed", pageNumber = PageShown, search = SearchShown });
    }

    public async Task<IActionResult> OnPostShowAsync(Guid menteeEnrolmentId, CancellationToken ct)
    {
        await db.WriteAtomicallyAsync(async ct =>
        {
            var shown = await Unshown().Where(c => c.MenteeEnrolmentId == menteeEnrolmentId)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.ShownToMentee, true), ct);
            if (shown > 0)
            {
                db.Audit(AuditAction.ColleagueFeedbackShown, User.UserId(), Programme.OrganisationId, ProgrammeId, $"enrolment:{menteeEnrolmentId}");
                await db.SaveChangesAsync(ct);
            }
            return shown;
        }, ct);
        return RedirectToPage("/Colleagues/Review", new { programmeId = ProgrammeId, done = "shown", pageNumber = PageShown, search = SearchShown });
    }

    /// <summary>This programme's colleagues' comments that the mentee cannot see yet.</summary>
    private IQueryable<AnonymousContribution> Unshown() =>
        db.AnonymousContributions.Where(c => c.ProgrammeId == ProgrammeId && c.Source == ContributionSource.Colleague && !c.ShownToMentee);

    private async Task LoadAsync(CancellationToken ct)
    {
        // A page of the mentees with comments waiting (by name), then the comments of those mentees alone.
        var unshown = Unshown();
        var (page, mentees) = await MenteePage.ReadAsync(db, unshown.Select(c => c.MenteeEnrolmentId), Search, PageNumber, ct);
        Paging = page;
        PageNumber = page.Number;
        var ids = mentees.Select(m => m.EnrolmentId).ToList();
        var comments = await unshown.Where(c => ids.Contains(c.MenteeEnrolmentId)).AsNoTracking().ToListAsync(ct);
        var position = Programme.Domains.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);
        // By domain, then by text: the pool's order is random, and sorting leaves nothing to read into it.
        Mentees = mentees.Select(m => new MenteeComments(m.EnrolmentId, m.Name,
                comments.Where(c => c.MenteeEnrolmentId == m.EnrolmentId)
                    .OrderBy(c => position.GetValueOrDefault(c.DomainId, int.MaxValue)).ThenBy(c => c.Text, StringComparer.Ordinal).ToList(),
                m.Code))
            .Where(m => m.Comments.Count > 0)
            .ToList();
    }

    public string DomainName(Guid domainId) => Programme.Domains.SingleOrDefault(d => d.Id == domainId)?.Name ?? "Other";
}

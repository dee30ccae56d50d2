using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.PhaseOne;

/// <summary>The facilitator records the group's points on one mentee, domain by domain, with an optional group rating.</summary>
[Requires(ProgrammeCapability.FacilitatePhaseOne)]
public sealed class NotesModel(UpwardDbContext db, TimeProvider clock) : MenteePageModel(db)
{
    public const int PointsLimit = 4000;

    [BindProperty] public List<NoteInput> Notes { get; set; } = [];
    public bool GroupMode { get; private set; }
    public Participant? NextMentee { get; private set; }

    public sealed class NoteInput
    {
        public Guid DomainId { get; set; }
        public string? Points { get; set; }
        public int? Rating { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var saved = await Db.GroupNotes.Where(n => n.MenteeEnrolmentId == MenteeId).ToListAsync(ct);
        Notes = Programme.Domains.Select(d => saved.SingleOrDefault(n => n.DomainId == d.Id) is { } n
                ? new NoteInput { DomainId = d.Id, Points = n.Points, Rating = n.Rating }
                : new NoteInput { DomainId = d.Id })
            .ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!GroupMode)
        {
            return Page();
        }
        var domains = Programme.Domains.Select(d => d.Id).ToList();
        if (Notes.Count != domains.Count || Notes.Select(n => n.DomainId).Except(domains).Any() || Notes.Select(n => n.DomainId).Distinct().Count() != domains.Count)
        {
            Notes = domains.Select(id => Notes.FirstOrDefault(n => n.DomainId == id) ?? new NoteInput { DomainId = id }).ToList();
            ModelState.Clear();
            ModelState.AddModelError("", "The domains have changed since the page was opened. Check the notes and save again.");
            return Page();
        }
        for (var i = 0; i < Notes.Count; i++)
        {
            var domain = DomainName(Notes[i].DomainId);
            if (ModelState[$"Notes[{i}].Rating"] is { Errors.Count: > 0 } bad)
            {
                bad.Errors.Clear();
                ModelState.AddModelError($"Notes[{i}].Rating", $"The rating for {domain.ToLowerInvariant()} must be from 1 to 5, or none");
            }
            else if (!Rating.IsValid(Notes[i].Rating))
            {
                ModelState.AddModelError($"Notes[{i}].Rating", $"The rating for {domain.ToLowerInvariant()} must be from 1 to 5, or none");
            }
            if (Notes[i].Points is { Length: > PointsLimit })
            {
                ModelState.AddModelError($"Notes[{i}].Points", $"The points on {domain.ToLowerInvariant()} must be {PointsLimit} characters or fewer");
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var written = Notes.Select(input => new GroupNote { ProgrammeId = ProgrammeId, MenteeEnrolmentId = MenteeId, DomainId = input.DomainId, Points = input.Points?.Trim() ?? "", Rating = input.Rating, UpdatedAtUtc = now })
            .OrderBy(n => n.DomainId).ToList();
        var cleared = written.Where(n => n.Points.Length == 0 && n.Rating is null).Select(n => n.DomainId).ToList();
        await Db.WriteAtomicallyAsync(async ct =>
        {
            // Single statements, so the page saved twice at once (a double click, two facilitators) ends
            // with the later notes and never an error. A domain left empty clears its note but starts none.
            await Db.UpsertAsync(written.Where(n => !cleared.Contains(n.DomainId)), n => new { n.MenteeEnrolmentId, n.DomainId }, n => new { n.Points, n.Rating, n.UpdatedAtUtc }, ct);
            return await Db.GroupNotes.Where(n => n.MenteeEnrolmentId == MenteeId && cleared.Contains(n.DomainId))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Points, "").SetProperty(n => n.Rating, (int?)null).SetProperty(n => n.UpdatedAtUtc, now), ct);
        }, ct);
        return NextMentee is { } next
            ? RedirectToPage("/PhaseOne/Notes", new { programmeId = ProgrammeId, menteeId = next.EnrolmentId })
            : RedirectToPage("/PhaseOne/Index", new { programmeId = ProgrammeId });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        GroupMode = (await Db.PhaseOneSettingsForAsync(ProgrammeId, ct)).Mode == FeedbackMode.Group;
        var mine = await Db.MyEnrolmentIdAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentee, ct);
        var mentees = (await Db.ParticipantsAsync(ProgrammeId, ProgrammeRole.Mentee, ct)).Where(m => m.EnrolmentId != mine).ToList();
        var index = mentees.FindIndex(m => m.EnrolmentId == MenteeId);
        NextMentee = index >= 0 && index + 1 < mentees.Count ? mentees[index + 1] : null;
    }

    public string DomainName(Guid domainId) => Programme.Domains.SingleOrDefault(d => d.Id == domainId)?.Name ?? "this domain";
}

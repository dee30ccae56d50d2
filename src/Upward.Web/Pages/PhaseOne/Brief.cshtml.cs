using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.PhaseOne;

/// <summary>
/// The facilitator builds a mentee's brief from the group's notes or the anonymous contributions,
/// then edits it domain by domain, taking out anything that could identify a mentor.
/// </summary>
[Requires(ProgrammeCapability.FacilitatePhaseOne)]
public sealed class BriefModel(UpwardDbContext db, TimeProvider clock) : MenteePageModel(db)
{
    public const int SectionLimit = 8000;

    [BindProperty] public List<SectionInput> Sections { get; set; } = [];
    public PhaseOneSettings Settings { get; private set; } = null!;
    public FeedbackBrief? Brief { get; private set; }
    /// <summary>Mentors whose contributions are open in the pool (what the threshold counts).</summary>
    public int Contributors { get; private set; }

    /// <summary>Mentors who have sent feedback, including ballots still sealed until enough others arrive.</summary>
    public int Sent { get; private set; }
    public bool Saved { get; private set; }

    public sealed class SectionInput
    {
        public Guid DomainId { get; set; }
        public string? Text { get; set; }
    }

    public bool BelowThreshold => Settings.Mode == FeedbackMode.Anonymous && !FeedbackBriefRelease.ContributionsMayBeRead(Contributors, Programme.AnonymityThreshold);

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        await LoadAsync(ct);
        Saved = saved;
        Sections = Programme.Domains.Select(d => new SectionInput { DomainId = d.Id, Text = Brief?.Sections.SingleOrDefault(s => s.DomainId == d.Id)?.Text ?? "" }).ToList();
        return Page();
    }

    /// <summary>Starts the brief from what was gathered; refused below the threshold in anonymous mode.</summary>
    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Brief is not null)
        {
            return Redirect(Here);
        }
        if (BelowThreshold)
        {
            ModelState.AddModelError("", $"Only {Sent} of the {Programme.AnonymityThreshold} mentors needed have contributed, so the brief cannot be built yet.");
            return Page();
        }
        // A brief started after the allocation goes to the mentor already allocated.
        var brief = new FeedbackBrief { ProgrammeId = ProgrammeId, MenteeEnrolmentId = MenteeId, AllocatedMentorEnrolmentId = await Db.AllocatedMentorAsync(MenteeId, ct) };
        if (Settings.Mode == FeedbackMode.Group)
        {
            var notes = await Db.GroupNotes.Where(n => n.MenteeEnrolmentId == MenteeId).ToListAsync(ct);
            // The rating stays apart from the text, so no edit of the text can drop it.
            brief.Sections.AddRange(Programme.Domains.Select(d =>
            {
                var note = notes.SingleOrDefault(n => n.DomainId == d.Id);
                return new FeedbackBriefSection { BriefId = brief.Id, DomainId = d.Id, Text = BriefDraft.PointsFromGroupNote(note), Rating = BriefDraft.GroupRating(note) };
            }));
        }
        else
        {
            // Only the mentors' pool builds the brief; colleagues' 360° comments go to the mentee beside it.
            var contributions = await Db.AnonymousContributions.Where(c => c.MenteeEnrolmentId == MenteeId && c.Source == ContributionSource.Mentor).ToListAsync(ct);
            brief.Sections.AddRange(Programme.Domains.Select(d => new FeedbackBriefSection
            {
                BriefId = brief.Id, DomainId = d.Id,
                Text = BriefDraft.CommentsFrom(contributions.Where(c => c.DomainId == d.Id)),
                Rating = BriefDraft.MedianRating(contributions.Where(c => c.DomainId == d.Id), Programme.AnonymityThreshold),
            }));
        }
        foreach (var section in brief.Sections)
        {
            section.Text = FitSection(section.Text);
        }
        await Db.WriteAtomicallyAsync(async ct =>
        {
            // Asked again in this request's turn: "Start" pressed twice at once starts one brief.
            await Db.LockAsync<Enrolment>(MenteeId, ct);
            if (await Db.FeedbackBriefs.AnyAsync(b => b.MenteeEnrolmentId == MenteeId, ct)) return 0;
            Db.FeedbackBriefs.Add(brief);
            Db.Audit(AuditAction.BriefModerated, User.UserId(), Programme.OrganisationId, ProgrammeId, $"brief:{brief.Id}");
            return await Db.SaveChangesAsync(ct);
        }, ct);
        return Redirect(Here);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Brief is null)
        {
            return Redirect(Here);
        }
        if (!Brief.IsEditable)
        {
            ModelState.AddModelError("", "This brief has been released, so it can no longer be changed.");
            return Page();
        }
        var domains = Programme.Domains.Select(d => d.Id).ToList();
        if (Sections.Count != domains.Count || Sections.Select(s => s.DomainId).Except(domains).Any() || Sections.Select(s => s.DomainId).Distinct().Count() != domains.Count)
        {
            Sections = domains.Select(id => Sections.FirstOrDefault(s => s.DomainId == id) ?? new SectionInput { DomainId = id }).ToList();
            ModelState.Clear();
            ModelState.AddModelError("", "The domains have changed since the page was opened. Check the brief and save again.");
            return Page();
        }
        for (var i = 0; i < Sections.Count; i++)
        {
            if (Sections[i].Text is { Length: > SectionLimit })
            {
                ModelState.AddModelError($"Sections[{i}].Text", $"The brief on {DomainName(Sections[i].DomainId).ToLowerInvariant()} must be {SectionLimit} characters or fewer");
            }
        }
        if (Sections.All(s => string.IsNullOrWhiteSpace(s.Text)))
        {
            ModelState.AddModelError("Sections[0].Text", "Write the brief for at least one domain");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        foreach (var input in Sections)
        {
            var text = input.Text?.Trim() ?? "";
            if (Brief.Sections.SingleOrDefault(s => s.DomainId == input.DomainId) is { } section)
            {
                section.Text = text;
            }
            else
            {
                Db.FeedbackBriefSections.Add(new FeedbackBriefSection { BriefId = Brief.Id, DomainId = input.DomainId, Text = text });
            }
        }
        Brief.Edited(clock.GetUtcNow().UtcDateTime);
        Db.Audit(AuditAction.BriefModerated, User.UserId(), Programme.OrganisationId, ProgrammeId, $"brief:{Brief.Id}");
        await Db.SaveChangesAsync(ct);
        return RedirectToPage("/PhaseOne/Brief", new { programmeId = ProgrammeId, menteeId = MenteeId, saved = "true" });
    }

    private const string Shortened = "\n\n[This draft was shortened to fit: the comments were longer than a brief section can hold. Summarise them.]";

    /// <summary>
    /// Several mentors' comments (each up to 4,000 characters) can exceed a section's 8,000; the
    /// database would refuse the draft, so cut it and say so, for the facilitator to summarise.
    /// </summary>
    private static string FitSection(string text) =>
        text.Length <= SectionLimit ? text : text[..(SectionLimit - Shortened.Length)].TrimEnd() + Shortened;

    private string Here => Url.Page("/PhaseOne/Brief", new { programmeId = ProgrammeId, menteeId = MenteeId })!;

    private async Task LoadAsync(CancellationToken ct)
    {
        Settings = await Db.PhaseOneSettingsForAsync(ProgrammeId, ct);
        Brief = await Db.FeedbackBriefs.Include(b => b.Sections).SingleOrDefaultAsync(b => b.MenteeEnrolmentId == MenteeId, ct);
        Contributors = await Db.ContributorCountAsync(MenteeId, ct);
        Sent = await Db.AnonymousContributors.CountAsync(c => c.MenteeEnrolmentId == MenteeId, ct);
    }

    public string? RatingFor(Guid domainId) => Brief?.Sections.SingleOrDefault(s => s.DomainId == domainId)?.Rating;

    public string DomainName(Guid domainId) => Programme.Domains.SingleOrDefault(d => d.Id == domainId)?.Name ?? "this domain";
}

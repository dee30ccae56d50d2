using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Appraisal;
using Upward.Core.Auditing;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Pages.Preparation;
using Upward.Web.Pages.Recognition;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Appraisal;

/// <summary>
/// The mentee's reflective summary for appraisal: what they heard, what they will change and their
/// action plan, in their words, as a PDF under the GMC's types of supporting information. Only the
/// mentee writes or reads it, and it names no mentor: a name in it is refused.
/// </summary>
[Requires(ProgrammeCapability.ReflectForAppraisal)]
public sealed class IndexModel(UpwardDbContext db, PreparationQueries preparation, ParticipationQuery participation, TimeProvider clock) : ProgrammePageModel
{
    [BindProperty] public string? WhatIHeard { get; set; }
    [BindProperty] public string? WhatIWillChange { get; set; }
    [BindProperty] public string? ActionPlan { get; set; }
    [FromQuery] public bool Saved { get; set; }

    public ReflectiveSummary? Summary { get; private set; }
    private Enrolment _enrolment = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Summary is { } s) (WhatIHeard, WhatIWillChange, ActionPlan) = (s.WhatIHeard, s.WhatIWillChange, s.ActionPlan);
        else
        {
            // A first visit starts the action plan from the one kept with the pair, which the mentee wrote.
            var items = await db.ActionPlanItems.AsNoTracking().Where(a => a.MenteeEnrolmentId == _enrolment.Id).Select(a => a.Action).ToListAsync(ct);
            ActionPlan = items.Count == 0 ? null : string.Join("\n", items.Select(i => "- " + i));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var fields = new[] { (nameof(WhatIHeard), WhatIHeard, "what you heard"), (nameof(WhatIWillChange), WhatIWillChange, "what you will change"), (nameof(ActionPlan), ActionPlan, "your action plan") };
        foreach (var (key, value, words) in fields)
        {
            if (string.IsNullOrWhiteSpace(value)) ModelState.AddModelError(key, $"Enter {words}");
            else if (value.Trim().Length > ReflectiveSummary.FieldMaxLength) ModelState.AddModelError(key, $"What you enter for {words} must be {ReflectiveSummary.FieldMaxLength:N0} characters or fewer");
        }
        if (ModelState.IsValid)
        {
            // The summary is evidence for an appraiser: it must not show who said what to whom.
            var mentors = await db.Enrolments.Where(e => e.ProgrammeId == ProgrammeId && e.Role == ProgrammeRole.Mentor)
                .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => u.DisplayName).ToListAsync(ct);
            foreach (var (key, value, words) in fields)
            {
                if (ParticipantNames.Find(value!, mentors, Programme.Domains.Select(d => d.Name)) is { Count: > 0 } names)
                    ModelState.AddModelError(key, $"Leave out names from {words}: the summary names no mentor (it mentions {string.Join(", ", names)})");
            }
        }
        if (!ModelState.IsValid) return Page();

        await db.WriteAtomicallyAsync(async ct =>
        {
            await db.LockAsync<Enrolment>(_enrolment.Id, ct);
            var summary = await db.ReflectiveSummaries.SingleOrDefaultAsync(s => s.EnrolmentId == _enrolment.Id, ct);
            if (summary is null) db.ReflectiveSummaries.Add(summary = new ReflectiveSummary { EnrolmentId = _enrolment.Id, ProgrammeId = ProgrammeId });
            summary.WhatIHeard = WhatIHeard!.Trim();
            summary.WhatIWillChange = WhatIWillChange!.Trim();
            summary.ActionPlan = ActionPlan!.Trim();
            summary.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            db.Audit(AuditAction.ReflectionSaved, User.UserId(), Programme.OrganisationId, ProgrammeId, $"enrolment:{_enrolment.Id}");
            return await db.SaveChangesAsync(ct);
        }, ct);
        return RedirectToPage("/Appraisal/Index", new { programmeId = ProgrammeId, saved = "true" });
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (Summary is not { } summary) return RedirectToPage("/Appraisal/Index", new { programmeId = ProgrammeId });
        var sessions = await participation.SessionsHeldAsync(_enrolment.Id, ct);
        var pdf = AppraisalPdf.Write(summary, Programme, sessions, clock.GetUtcNow().UtcDateTime);
        db.Audit(AuditAction.AppraisalEvidenceDownloaded, User.UserId(), Programme.OrganisationId, ProgrammeId, "appraisal-reflection.pdf");
        await db.SaveChangesAsync(ct);
        return File(pdf, "application/pdf", "appraisal-reflection.pdf");
    }

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        var enrolment = await preparation.MyEnrolmentAsync(ProgrammeId, User.UserId(), ProgrammeRole.Mentee, ct);
        if (enrolment is null) return RedirectToPage("/People/Consent", new { programmeId = ProgrammeId });
        _enrolment = enrolment;
        Summary = await db.ReflectiveSummaries.AsNoTracking().SingleOrDefaultAsync(s => s.EnrolmentId == enrolment.Id, ct);
        return null;
    }
}

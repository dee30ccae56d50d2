using Microsoft.AspNetCore.Mvc;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Programmes;

/// <summary>The coordinator moves the programme one step along draft → recruiting → running → evaluating → closed.</summary>
[Requires(ProgrammeCapability.Manage)]
public sealed class StageModel(UpwardDbContext db) : ProgrammePageModel
{
    public ProgrammeStatus? Next => ProgrammeAccess.NextStatus(Programme.Status);

    public string Explanation => Next switch
    {
        ProgrammeStatus.Recruiting => "After this the domains are fixed.",
        ProgrammeStatus.Running => "Phase 1 and the one-to-one sessions can start.",
        ProgrammeStatus.Evaluating => "The final questionnaires and the evaluation follow.",
        ProgrammeStatus.Closed => "Nobody can add answers after this; the retention period starts.",
        _ => "",
    };

    public IActionResult OnGet() => Page();

    /// <param name="from">The status the form was showing, so a double click or a stale tab moves only one step.</param>
    public async Task<IActionResult> OnPostAsync(ProgrammeStatus? from, CancellationToken ct)
    {
        if (ModelState["from"] is { Errors.Count: > 0 })
        {
            // An unreadable "from" (tampered or garbled) must not count as "no from": move nothing.
            ModelState.Clear();
            ModelState.AddModelError("", "The programme's stage could not be read from the form. Check the stage and try again.");
            return Page();
        }
        if (Next is { } next && (from is null || from == Programme.Status))
        {
            Programme.Status = next;
            db.Audit(AuditAction.ProgrammeStageChanged, User.UserId(), Programme.OrganisationId, Programme.Id, $"status:{next}");
            await db.SaveChangesAsync(ct);
        }
        return RedirectToPage("/Programmes/Overview", new { programmeId = Programme.Id });
    }
}

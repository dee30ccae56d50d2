using System.Text;
using Microsoft.AspNetCore.Mvc;
using Upward.Core.Evaluation.Checklists;
using Upward.Core.Programmes;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Evaluation.Checklists;

/// <summary>
/// The reporting checklists a write-up needs — SQUIRE 2.0, and GRIPP2's short form where patients or
/// carers mentor — drafted from the programme, on the page and as Markdown to download. Drafts rest
/// on the same de-identified, k-suppressed report as the evaluation page, so they show no more.
/// </summary>
[Requires(ProgrammeCapability.ViewEvaluation)]
public sealed class IndexModel(ChecklistSource source) : ProgrammePageModel
{
    public ReportingChecklist Squire { get; private set; } = null!;
    public ReportingChecklist? Gripp2 { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        (Squire, Gripp2) = await source.DraftAsync(Programme, ct);
        return Page();
    }

    /// <summary>One checklist as a Markdown file: "squire" or "gripp2" (the latter only where it applies).</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string? checklist, CancellationToken ct)
    {
        var drafts = await source.DraftAsync(Programme, ct);
        var chosen = checklist switch
        {
            "squire" => drafts.Squire,
            "gripp2" => drafts.Gripp2,
            _ => null,
        };
        if (chosen is null) return NotFound();
        return File(Encoding.UTF8.GetBytes(chosen.ToMarkdown(Programme.Name)), "text/markdown; charset=utf-8", $"{checklist}-checklist.md");
    }
}

using System.Text;
using Microsoft.AspNetCore.Mvc;
using Upward.Data.Evaluation;
using Upward.Core.Evaluation;
using Upward.Core.Programmes;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Evaluation;

/// <summary>The programme's evaluation report, drawn by the same Core code as <c>upward analyse</c>.</summary>
[Requires(ProgrammeCapability.ViewEvaluation)]
public sealed class IndexModel(BundleExport export, Upward.Web.Pages.FreeText.ThemesTable themes) : ProgrammePageModel
{
    public string ReportHtml { get; private set; } = "";
    public Upward.Web.Pages.FreeText.ThemesTable.Table? Themes { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var report = EvaluationReport.Build(await export.BuildAsync(Programme, ct));
        // The sections are Core's HTML (encoded there); the page adds the NHS frame around them.
        var html = new StringBuilder();
        Core.Evaluation.ReportHtml.AppendCohort(html, report);
        Core.Evaluation.ReportHtml.AppendWillingness(html, report.Willingness);
        Core.Evaluation.ReportHtml.AppendComparisons(html, report);
        Core.Evaluation.ReportHtml.AppendSessions(html, report.Sessions, report.AnonymityThreshold);
        Core.Evaluation.ReportHtml.AppendQuestionnaires(html, report);
        ReportHtml = html.ToString();
        Themes = await themes.BuildAsync(Programme.Id, ct);
        return Page();
    }
}

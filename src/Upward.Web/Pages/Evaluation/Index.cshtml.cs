using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Upward.Core.Evaluation;
using Upward.Core.Programmes;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Evaluation;

/// <summary>The programme's evaluation report, drawn by the same Core code as <c>upward analyse</c>.</summary>
[Requires(ProgrammeCapability.ViewEvaluation)]
public sealed class IndexModel(EvaluationCalculations evaluations, IOptions<EvaluationOptions> options) : ProgrammePageModel
{
    public string ReportHtml { get; private set; } = "";
    public Upward.Web.Pages.FreeText.ThemesTable.Table? Themes { get; private set; }

    /// <summary>When the figures were calculated (programme time), for a large programme whose figures are kept between views; otherwise null.</summary>
    public string? KeptAt { get; private set; }

    public int MaxAgeMinutes => (int)Math.Ceiling(options.Value.MaxAge.TotalMinutes);

    /// <summary>The kept figures shown are past their age and newer ones are being calculated.</summary>
    public bool BeingRecalculated { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The programme's own plan decides the outcomes the summary leads with.
        var evaluation = await evaluations.GetAsync(Programme, ct, whileRecalculating: true);
        var report = evaluation.Report;
        KeptAt = evaluation.Kept ? EvaluationDates.TimeAndDay(Programme, evaluation.CalculatedAtUtc) : null;
        BeingRecalculated = evaluation.PastTheirAge;
        // The sections are Core's HTML (encoded there); the page adds the NHS frame around them:
        // the summary and who took part first, the rest behind details components a reader opens.
        var html = new StringBuilder();
        Core.Evaluation.ReportHtml.AppendSummary(html, report);
        Core.Evaluation.ReportHtml.AppendCohort(html, report);
        Details(html, "Every before and after comparison", h => Core.Evaluation.ReportHtml.AppendComparisons(h, report));
        Details(html, "Sessions", h => Core.Evaluation.ReportHtml.AppendSessions(h, report.Sessions, report.AnonymityThreshold));
        Details(html, "Mentors' willingness", h => Core.Evaluation.ReportHtml.AppendWillingness(h, report.Willingness));
        Details(html, "Every questionnaire, question by question", h => Core.Evaluation.ReportHtml.AppendQuestionnaires(h, report));
        ReportHtml = html.ToString();
        Themes = evaluation.Themes;
        return Page();
    }

    /// <summary>A reader who needs the latest answers in the figures now, rather than within minutes.</summary>
    public IActionResult OnPostRecalculate()
    {
        evaluations.Recalculate(ProgrammeId);
        return RedirectToPage("/Evaluation/Index", new { programmeId = ProgrammeId });
    }


    /// <summary>An NHS.UK details component around a section; left out when the section has nothing to show.</summary>
    private static void Details(StringBuilder html, string summary, Action<StringBuilder> section)
    {
        var inner = new StringBuilder();
        section(inner);
        if (inner.Length == 0) return;
        html.Append("<details class=\"nhsuk-details\">\n<summary class=\"nhsuk-details__summary\"><span class=\"nhsuk-details__summary-text\">")
            .Append(System.Net.WebUtility.HtmlEncode(summary))
            .Append("</span></summary>\n<div class=\"nhsuk-details__text\">\n")
            .Append(inner)
            .Append("</div>\n</details>\n");
    }
}

using Microsoft.EntityFrameworkCore;
using Upward.Core.Bundles;
using Upward.Core.Evaluation;
using Upward.Core.Evaluation.BoardReport;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Data;
using Upward.Data.Evaluation;
using Upward.Web.Pages.FreeText;

namespace Upward.Web.Pages.Evaluation.Report;

/// <summary>
/// Gathers what the board report needs from the database — the evaluation with the programme's
/// analysis plan, Table 1 as the page shows it, the organisation and the dates — and writes the PDF.
/// </summary>
public sealed class BoardReportSource(EvaluationCalculations evaluations, UpwardDbContext db, TimeProvider clock)
{
    /// <exception cref="FontUnavailableException">No TrueType font is installed.</exception>
    public async Task<byte[]> PdfAsync(Programme programme, CancellationToken ct)
    {
        // The same figures as the page shows (a large programme's kept ones), so the two never disagree.
        var evaluation = await evaluations.GetAsync(programme, ct);
        return BoardReportPdf.Write(await TitleAsync(programme, ct), BoardReportComposer.Compose(evaluation.Report, Figures(evaluation.Themes)));
    }

    private async Task<ReportTitle> TitleAsync(Programme programme, CancellationToken ct)
    {
        var organisation = await db.Organisations.Where(o => o.Id == programme.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        // The first and last day are found by the database, not by reading every answer's time.
        var answered = await db.AnsweredBetweenAsync(programme.Id, ct);
        string Day(DateTime utc) => EvaluationDates.Day(programme, utc);
        var dates = new List<string> { $"Programme set up on {Day(programme.CreatedAtUtc)}" };
        if (answered is { } span)
        {
            dates.Add(span.First.Date == span.Last.Date
                ? $"Questionnaires answered on {Day(span.First)}"
                : $"Questionnaires answered from {Day(span.First)} to {Day(span.Last)}");
        }
        dates.Add($"Report produced on {Day(clock.GetUtcNow().UtcDateTime)}");
        return new ReportTitle(programme.Name, organisation, dates);
    }

    /// <summary>The page's Table 1 in Core's shape, so the composer needs no database.</summary>
    public static ThemeFigures? Figures(ThemesTable.Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Rows.Count == 0) return null;
        return new ThemeFigures(
            table.Stages.Select(s => Enum.Parse<BundleStage>(s.ToString())).ToList(),
            table.Rows.Select(r => new ThemeRow(r.Theme.Name, r.Theme.Definition,
                r.Theme.ParentId is { } p ? table.ParentNames.GetValueOrDefault(p) : null,
                table.Stages.Select(s => r.ParticipantsByStage[StageNames.Of(s)]).ToList(), r.Quote, r.QuoteFrom)).ToList());
    }
}

using System.Text;
using Microsoft.AspNetCore.Mvc;
using Upward.Data.Evaluation;
using Upward.Core.Auditing;
using Upward.Core.Bundles;
using Upward.Core.Evaluation;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Evaluation;

/// <summary>
/// De-identified exports (participant codes only), every one audited: tidy CSV and codebook, the comparisons as CSV,
/// an XLSX workbook, the report as PDF and the research bundle.
/// </summary>
[Requires(ProgrammeCapability.ViewEvaluation)]
public sealed class ExportModel(BundleExport export, UpwardDbContext db, Upward.Web.Pages.FreeText.ThemesTable themes) : ProgrammePageModel
{
    public string Problem { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string file, CancellationToken ct)
    {
        if (file is not ("answers.csv" or "codebook.csv" or "comparisons.csv" or "evaluation.xlsx" or "report.pdf" or "bundle.json")) return NotFound();

        var bundle = await export.BuildAsync(Programme, ct);
        var name = Slug(Programme.Name);
        byte[] content;
        string type;
        switch (file)
        {
            case "answers.csv":
                content = Csv(CsvWriter.Write(TidyTables.AnswerColumns, TidyTables.AnswerRows(bundle)));
                type = "text/csv; charset=utf-8";
                break;
            case "codebook.csv":
                content = Csv(CsvWriter.Write(TidyTables.CodebookColumns, TidyTables.CodebookRows(bundle)));
                type = "text/csv; charset=utf-8";
                break;
            case "comparisons.csv":
                content = Csv(CsvWriter.Write(ComparisonTable.Columns, ComparisonTable.Rows(EvaluationReport.Build(bundle))));
                type = "text/csv; charset=utf-8";
                break;
            case "evaluation.xlsx":
                var report = EvaluationReport.Build(bundle);
                var (themeColumns, themeRows) = Upward.Web.Pages.FreeText.ThemesTable.Rows(await themes.BuildAsync(Programme.Id, ct));
                content = Workbook.Write(
                [
                    new Workbook.Sheet("Answers", TidyTables.AnswerColumns, TidyTables.AnswerRows(bundle), new HashSet<int> { 5, 9, 11 }),
                    new Workbook.Sheet("Codebook", TidyTables.CodebookColumns, TidyTables.CodebookRows(bundle)),
                    new Workbook.Sheet("Comparisons", ComparisonTable.Columns, ComparisonTable.Rows(report), ComparisonTable.NumericColumns),
                    new Workbook.Sheet("Themes", themeColumns, themeRows),
                ]);
                type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                break;
            case "report.pdf":
                var plan = await db.CurrentAsync(Programme, ct);
                var pdfReport = EvaluationReport.Build(bundle) with { Outcomes = plan.Plan.Outcomes, Plan = plan.Stamp };
                var themeTable = await themes.BuildAsync(Programme.Id, ct);
                var themeLines = themeTable.Rows.Select(r => $"{r.Theme.Name}: " + string.Join(", ", themeTable.Stages.Select(s => $"{Upward.Core.Questionnaires.StageNames.Of(s).ToLowerInvariant()} {r.ParticipantsByStage[Upward.Core.Questionnaires.StageNames.Of(s)]}")) + (r.Quote is { } q ? $". \"{q}\" ({r.QuoteFrom})" : "")).ToList();
                try
                {
                    content = ReportPdf.Write($"Evaluation report: {Programme.Name}", ComparisonTable.Sections(pdfReport).Prepend(("About these figures",
                        (IReadOnlyList<string>)[$"Participants who agreed to the use of their answers, under codes. Medians with IQR as SPSS calculates it; p is SPSS's two-sided asymptotic p, exact p counts every arrangement of signs; r = z/√n. The change is the Hodges–Lehmann estimate (the median of every average of two pairs' changes, pairs with no change left out) with its distribution-free 95% interval (or, with very few pairs, the lower level the interval does reach, as R states it). Figures from fewer than {pdfReport.AnonymityThreshold} people are not shown."]))
                        .Prepend(("Summary", (IReadOnlyList<string>)Headline.Findings(pdfReport).Select(f => (f.Outcome.Primary ? "Primary outcome: " : "Secondary outcome: ") + f.Sentence)
                            .Append(plan.FixedAtUtc is { } fixedAt
                                ? $"Analysis plan fixed on {fixedAt:d MMMM yyyy 'at' HH:mm} UTC, when the first answer after the intervention arrived. SHA-256 {plan.Stamp.Sha256}."
                                : $"Analysis plan not fixed yet (SHA-256 of the plan as it stands: {plan.Stamp.Sha256}).").ToList()))
                        .Append(("Themes in the free-text answers (participants by stage)", themeLines.Count > 0 ? themeLines : ["No answers have been coded yet."])));
                }
                catch (FontUnavailableException e)
                {
                    Problem = e.Message;
                    Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    return Page();
                }
                type = "application/pdf";
                break;
            default:
                content = BundleWriter.Write(bundle);
                type = "application/json";
                break;
        }
        db.Audit(AuditAction.EvaluationExported, User.UserId(), Programme.OrganisationId, Programme.Id, $"export:{file}");
        await db.SaveChangesAsync(ct);
        return File(content, type, $"{name}-{file}");
    }

    // A byte-order mark so Excel opens UTF-8 CSV with accents intact; R and SPSS ignore it.
    private static byte[] Csv(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    private static string Slug(string name)
    {
        var slug = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        while (slug.Contains("--", StringComparison.Ordinal)) slug = slug.Replace("--", "-", StringComparison.Ordinal);
        return slug.Trim('-') is { Length: > 0 } s ? s[..Math.Min(s.Length, 60)] : "programme";
    }
}

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
/// an XLSX workbook, the board report as a tagged PDF and the research bundle.
/// </summary>
[Requires(ProgrammeCapability.ViewEvaluation)]
public sealed class ExportModel(BundleExport export, UpwardDbContext db, Upward.Web.Pages.FreeText.ThemesTable themes, Report.BoardReportSource boardReport) : ProgrammePageModel
{
    public string Problem { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string file, CancellationToken ct)
    {
        if (file is not ("answers.csv" or "codebook.csv" or "comparisons.csv" or "evaluation.xlsx" or "report.pdf" or "bundle.json")) return NotFound();

        // The board report starts from the evaluation's own figures; every other file from the bundle.
        var bundle = file == "report.pdf" ? null! : await export.BuildAsync(Programme, ct);
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
                try
                {
                    content = await boardReport.PdfAsync(Programme, ct);
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

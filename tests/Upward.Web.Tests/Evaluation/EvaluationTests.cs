using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Data.Evaluation;
using Upward.Core.Auditing;
using Upward.Core.Bundles;
using Upward.Core.Evaluation;
using Upward.Web.Demo;
using Upward.Web.Pages.Evaluation;
using Upward.Web.Tests.Infrastructure;
using Upward.Web.Tests.People;

namespace Upward.Web.Tests.Evaluation;

/// <summary>The demo imports a bundle shaped like the published pilot; its evaluation must give the paper's figures.</summary>
public sealed class EvaluationTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    private static readonly string PilotName = DemoPilotEvaluation.Bundle().Programme.Name;

    /// <summary>The demo's import (the round-trip test imports another under the same name, later).</summary>
    private Task<Guid> PilotIdAsync() => Factory.WithDbAsync(db => db.Programmes.Where(p => p.Name == PilotName).OrderBy(p => p.CreatedAtUtc).Select(p => p.Id).FirstAsync());

    [Fact]
    public async Task Export_import_export_gives_the_same_bundle_byte_for_byte()
    {
        var original = BundleWriter.Write(DemoPilotEvaluation.Bundle());
        var id = await PilotIdAsync();
        var exported = await (await AsAsync("researcher")).GetByteArrayAsync($"/programmes/{id}/evaluation/export/bundle.json");
        Assert.Equal(Encoding.UTF8.GetString(original), Encoding.UTF8.GetString(exported));

        // And once more through a second import.
        await using var scope = Factory.Services.CreateAsyncScope();
        var organisationId = await Factory.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => p.OrganisationId).SingleAsync());
        var again = await scope.ServiceProvider.GetRequiredService<BundleImport>().ImportAsync(BundleReader.Read(Encoding.UTF8.GetString(exported)), organisationId, null, default);
        var reexported = await scope.ServiceProvider.GetRequiredService<BundleExport>().BuildAsync(
            await Factory.WithDbAsync(db => db.Programmes.Include(p => p.Domains).SingleAsync(p => p.Id == again.Id)), default);
        Assert.Equal(Encoding.UTF8.GetString(original), BundleWriter.WriteString(reexported));
    }

    [Fact]
    public async Task The_report_page_gives_the_papers_figures_with_no_names()
    {
        var id = await PilotIdAsync();
        var html = await (await AsAsync("researcher")).GetStringAsync($"/programmes/{id}/evaluation");

        Assert.Contains("21.5 (IQR 20–25)", html);         // mentors' confidence before phase 1
        Assert.Contains("0.043", html);                     // 23 vs 29, SPSS p
        Assert.Contains("0.0625", html);                    // the same, exact p
        Assert.Contains("+6 (95% CI +3 to +9)", html);      // the same, Hodges–Lehmann change
        Assert.Contains("3 of 6 mentors are willing to mentor every mentee", html);
        Assert.Contains("<svg", html);
        // Headline first: the summary's sentence before who took part, the details behind NHS details components.
        var summary = html.IndexOf("Mentors’ confidence rose from a median of 23", StringComparison.Ordinal);
        Assert.True(summary > 0 && summary < html.IndexOf("Who took part", StringComparison.Ordinal));
        Assert.Contains("<span class=\"nhsuk-details__summary-text\">Every before and after comparison</span>", html);
        // The live demo programme measures mentors after phase 1 and again before phase 2, with nothing between.
        var live = await (await AsAsync("coordinator")).GetStringAsync($"/programmes/{await Factory.ProgrammeIdAsync()}/evaluation");
        var span = live.IndexOf("after phase 1 to before phase 2", StringComparison.Ordinal);
        Assert.True(span > 0);
        Assert.Contains("No intervention between these stages.", live[span..]);
        foreach (var (_, name, _) in DemoProgramme.People)
        {
            Assert.DoesNotContain(name, html.Replace("Signed in as Dr Jo Kim", ""));
        }
    }

    [Fact]
    public async Task Csv_and_xlsx_hold_the_same_numbers_and_every_export_is_audited()
    {
        var id = await PilotIdAsync();
        var researcher = await AsAsync("researcher");
        var bundle = DemoPilotEvaluation.Bundle();

        var csv = Encoding.UTF8.GetString(await researcher.GetByteArrayAsync($"/programmes/{id}/evaluation/export/answers.csv")).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("participant,role,audience,stage,instrument,instrument_version,item,item_type,score,domain_position,domain,number,text", lines[0]);
        Assert.Equal(bundle.Answers.Count, lines.Length - 1);
        var codebook = Encoding.UTF8.GetString(await researcher.GetByteArrayAsync($"/programmes/{id}/evaluation/export/codebook.csv"));
        Assert.Contains("1 to 5", codebook);

        var xlsx = await researcher.GetByteArrayAsync($"/programmes/{id}/evaluation/export/evaluation.xlsx");
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Answers", "Codebook", "Comparisons", "Themes"], sheets.Select(s => s.Name!.Value));
        var comparisons = (WorksheetPart)document.WorkbookPart.GetPartById(sheets[2].Id!);
        var rows = comparisons.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.CellValue?.Text ?? c.InlineString?.InnerText ?? "").ToList()).ToList();
        var total = rows.Single(r => r[0] == "mentor" && r[1] == "confidence" && r[2] == "before_phase_1" && r[3] == "after_phase_2" && r[4] == "Total");
        Assert.Equal("0.043", double.Parse(total[12], System.Globalization.CultureInfo.InvariantCulture).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0.0625, double.Parse(total[13], System.Globalization.CultureInfo.InvariantCulture), 12);
        Assert.Equal(["6", "3", "9", "0.9375"], total.Skip(15));

        var comparisonsCsv = Encoding.UTF8.GetString(await researcher.GetByteArrayAsync($"/programmes/{id}/evaluation/export/comparisons.csv")).TrimStart('\uFEFF');
        var csvLines = comparisonsCsv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", ComparisonTable.Columns), csvLines[0]);
        var csvTotal = csvLines.Single(line => line.StartsWith("mentor,confidence,before_phase_1,after_phase_2,Total,5,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(total, csvTotal);   // the same figures as the workbook, to the last digit

        var answersSheet = (WorksheetPart)document.WorkbookPart.GetPartById(sheets[0].Id!);
        Assert.Equal(bundle.Answers.Count + 1, answersSheet.Worksheet.Descendants<Row>().Count());

        var pdf = await researcher.GetByteArrayAsync($"/programmes/{id}/evaluation/export/report.pdf");
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        using var opened = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        Assert.True(opened.PageCount >= 1);

        var audited = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.ProgrammeId == id && a.Action == AuditAction.EvaluationExported).Select(a => a.Subject).ToListAsync());
        Assert.Contains("export:answers.csv", audited);
        Assert.Contains("export:evaluation.xlsx", audited);
        Assert.Contains("export:comparisons.csv", audited);
        Assert.Contains("export:report.pdf", audited);
    }

    [Theory]
    [InlineData("mentor1")]
    [InlineData("mentee1")]
    [InlineData("facilitator")]
    [InlineData("admin")]
    public async Task Only_coordinators_and_researchers_read_the_evaluation(string who)
    {
        var id = await ProgrammeIdAsync();
        var client = await AsAsync(who);
        foreach (var url in new[] { $"/programmes/{id}/evaluation", $"/programmes/{id}/evaluation/export/bundle.json", $"/programmes/{id}/evaluation/export/answers.csv" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/access-denied", response.Headers.Location?.OriginalString);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await (await AsAsync("coordinator")).GetAsync($"/programmes/{id}/evaluation/export/secrets.txt")).StatusCode);
    }

    [Fact]
    public async Task Answers_of_someone_who_did_not_agree_to_their_use_stay_out_of_every_export()
    {
        var id = await PilotIdAsync();
        var me01 = await Factory.WithDbAsync(db => db.Enrolments.Where(e => e.ProgrammeId == id && e.ParticipantCode == "ME-01").Select(e => e.Id).SingleAsync());
        await Factory.WithDbAsync(async db =>
        {
            db.ConsentDecisions.Add(new Upward.Core.People.ConsentDecision { EnrolmentId = me01, Purpose = Upward.Core.People.ConsentPurpose.UseAnswersInEvaluation, Given = false, TextVersion = 1, DecidedAtUtc = DateTime.UtcNow.AddMinutes(1) });
            await db.SaveChangesAsync();
        });
        try
        {
            var bundle = await (await AsAsync("coordinator")).GetStringAsync($"/programmes/{id}/evaluation/export/bundle.json");
            Assert.DoesNotContain("\"ME-01\"", bundle);
            Assert.Contains("\"ME-02\"", bundle);
        }
        finally
        {
            await Factory.WithDbAsync(db => db.ConsentDecisions.Where(d => d.EnrolmentId == me01 && !d.Given).ExecuteDeleteAsync());
        }
    }
}

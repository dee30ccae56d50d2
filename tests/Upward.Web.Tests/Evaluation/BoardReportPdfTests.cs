using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;
using Upward.Web.Tests.People;

namespace Upward.Web.Tests.Evaluation;

/// <summary>
/// The board report for the demo pilot: the page's summary sentences, real tables and Table 1 in the
/// PDF's text as poppler extracts it, and a structure tree a screen reader can walk.
/// </summary>
public sealed partial class BoardReportPdfTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    private static readonly string PilotName = DemoPilotEvaluation.Bundle().Programme.Name;

    private async Task<(string Html, byte[] Pdf)> PilotAsync()
    {
        var id = await Factory.WithDbAsync(db => db.Programmes.Where(p => p.Name == PilotName).OrderBy(p => p.CreatedAtUtc).Select(p => p.Id).FirstAsync());
        var researcher = await AsAsync("researcher");
        var html = await researcher.GetStringAsync($"/programmes/{id}/evaluation");
        var pdf = await researcher.GetByteArrayAsync($"/programmes/{id}/evaluation/export/report.pdf");
        File.WriteAllBytes(Path.Combine(ArtifactsFolder, "board-report.pdf"), pdf);
        return (html, pdf);
    }

    [Fact]
    public async Task The_pdf_carries_the_pages_summary_the_papers_figures_in_tables_and_table_1()
    {
        var (html, pdf) = await PilotAsync();
        var text = Squash(Run("pdftotext", pdf, "-enc", "UTF-8", "{pdf}", "-"));

        // The title page names the programme and what the document is.
        Assert.Contains(Squash(PilotName), text);
        Assert.Contains("Evaluationreport", text);

        // Every sentence of the page's summary, word for word.
        var summary = html[html.IndexOf("<h2 id=\"summary\">", StringComparison.Ordinal)..];
        summary = summary[..summary.IndexOf("</section>", StringComparison.Ordinal)];
        var sentences = SummaryParagraph().Matches(summary).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Where(s => !s.StartsWith("These outcomes", StringComparison.Ordinal)).ToList();
        Assert.True(sentences.Count >= 2);
        foreach (var sentence in sentences)
        {
            Assert.Contains(Squash(sentence), text);
        }
        Assert.Contains(Squash("Mentors’ confidence rose from a median of 23"), text);

        // The headline comparison as table cells: its row of the table, in order (n, medians, z, p, exact p, r, change).
        Assert.Contains(Squash("Mentors’ confidence: before phase 1 to after phase 2, out of 35"), text);
        // The table's total row carries the headline's figures: n = 5 pairs, 23 → 29, z, p = 0.043 as SPSS reports it, exact p, r and the change.
        Assert.Contains("(n = 5 who answered both times; p = 0.043 as SPSS reports it, exact p = 0.0625", WebUtility.HtmlDecode(html));
        Assert.Matches(Squash(@"Total 5 23 \(IQR 20–25\) 29 \(IQR 27–30\.5\) 2\.[0-9]{2} 0\.043 0\.0625 0\.[0-9]{2} \+6 \(95% CI \+3 to \+9\)"), text);
        // Mentors' confidence before phase 1 among the six who answered after phase 1, as the page shows it.
        Assert.Contains("21.5(IQR20–25)", text);
        // Who took part, and the suppression notice exactly as the page words it.
        Assert.Contains("Participantsbyrole", text);
        if (html.Contains("not shown: fewer than", StringComparison.Ordinal)) Assert.Contains("notshown:fewerthan", text);

        // Table 1: every theme the page lists, with its quote.
        var themes = Table1Theme().Matches(html[html.IndexOf("Themes by stage (participants)", StringComparison.Ordinal)..]).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.NotEmpty(themes);
        Assert.Contains("Table1:themesbystage", text);
        foreach (var theme in themes)
        {
            Assert.Contains(Squash(theme), text);
        }
        Assert.Contains("Representativequote", text);

        // The methods: the tests, the quartiles, the rule with its k and the consent behind it.
        Assert.Contains("Wilcoxonsigned-ranktest", text);
        Assert.Contains("quantiletype6", text);
        Assert.Contains("Hodges–Lehmann", text);
        Assert.Contains("nofigurefromfewerthan3respondents", text);
        Assert.Contains("agreedtotheiruse", text);
    }

    [Fact]
    public async Task The_pdf_is_tagged_with_headings_tables_and_figures_with_alternative_text()
    {
        var (_, pdf) = await PilotAsync();
        var info = Run("pdfinfo", pdf, "{pdf}");
        Assert.Matches(@"Tagged:\s+yes", info);
        Assert.Matches(@"Title:\s+Evaluation report: " + Regex.Escape(PilotName), info);

        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var catalog = document.Internals.Catalog;
        Assert.Equal("en-GB", catalog.Elements.GetString("/Lang"));
        Assert.True(catalog.Elements.GetDictionary("/ViewerPreferences")!.Elements.GetBoolean("/DisplayDocTitle"));
        Assert.True(catalog.Elements.GetDictionary("/MarkInfo")!.Elements.GetBoolean("/Marked"));

        var elements = new List<(string Type, string? Alt, string Parent)>();
        Walk(catalog.Elements.GetDictionary("/StructTreeRoot")!, "", elements);
        var types = elements.Select(e => e.Type).ToHashSet();
        foreach (var type in new[] { "Document", "H1", "H2", "H3", "P", "L", "LI", "LBody", "Table", "Caption", "THead", "TBody", "TR", "TH", "TD", "Figure" })
        {
            Assert.Contains(type, types);
        }
        var figures = elements.Where(e => e.Type == "Figure").ToList();
        Assert.True(figures.Count >= 2);
        // Every chart tells a screen reader what it shows: the primary outcome's medians by domain, the session lengths.
        Assert.All(figures, f => Assert.Contains("median", f.Alt ?? "", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(figures, f => f.Alt!.StartsWith("Mentors’ confidence", StringComparison.Ordinal));
        // Cells sit in rows, rows in tables.
        Assert.All(elements.Where(e => e.Type is "TH" or "TD"), e => Assert.Equal("TR", e.Parent));
        Assert.Equal("Document", elements.Single(e => e.Type == "H1").Parent);
        Assert.All(elements.Where(e => e.Type == "Caption"), e => Assert.Equal("Table", e.Parent));

        // The first page, kept for a person to look at.
        var png = Path.Combine(ArtifactsFolder, "board-report-page-1");
        File.Delete(png + ".png");
        Run("pdftoppm", pdf, "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", "{pdf}", png);
        Assert.True(new FileInfo(png + ".png").Length > 0);
    }

    private static void Walk(PdfDictionary element, string parent, List<(string, string?, string)> found)
    {
        string type = element.Elements.GetName("/S") is { Length: > 1 } s ? s[1..] : "";
        if (type.Length > 0) found.Add((type, element.Elements.ContainsKey("/Alt") ? element.Elements.GetString("/Alt") : null, parent));
        var kids = element.Elements.GetObject("/K");
        foreach (var kid in kids is PdfArray array ? array.Elements.Select(Resolve) : [Resolve(kids)])
        {
            if (kid is PdfDictionary { } child && !child.Elements.ContainsKey("/MCID") && child.Elements.GetName("/Type") is not "/MCR" and not "/OBJR")
            {
                Walk(child, type, found);
            }
        }
    }

    private static PdfItem? Resolve(PdfItem? item) => item is PdfSharp.Pdf.Advanced.PdfReference r ? r.Value : item;

    /// <summary>Runs a poppler tool on the PDF ("{pdf}" stands for its path) and returns what it printed.</summary>
    private static string Run(string tool, byte[] pdf, params string[] arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), $"board-report-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments) start.ArgumentList.Add(argument == "{pdf}" ? path : argument);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{tool} failed: {error.Result}");
            return output.Result;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Squash(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    private static string ArtifactsFolder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("UPWARD_ARTIFACTS") is { Length: > 0 } path
                ? path : Path.Combine(AppContext.BaseDirectory, "artifacts");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    [GeneratedRegex("<p>([^<]+)</p>")]
    private static partial Regex SummaryParagraph();

    [GeneratedRegex("<tr><th scope=\"row\">([^<]+)</th>")]
    private static partial Regex Table1Theme();
}

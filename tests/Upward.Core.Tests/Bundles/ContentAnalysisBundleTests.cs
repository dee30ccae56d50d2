using System.Text;
using System.Text.Json.Nodes;
using Upward.Core.Bundles;
using Upward.Core.Evaluation;

namespace Upward.Core.Tests.Bundles;

/// <summary>Version 2 carries the codebook, codings and quotes, so Table 1 can be recomputed offline; version 1 still reads.</summary>
public sealed class ContentAnalysisBundleTests
{
    [Fact]
    public void The_writer_writes_version_2_and_a_version_1_bundle_reads_with_an_empty_codebook()
    {
        var v1 = PilotBundle.Read();
        Assert.Empty(v1.Themes);
        Assert.Empty(v1.Codings);
        Assert.All(v1.Participants, p => Assert.False(p.MayBeQuoted));
        Assert.Contains("\"version\": 3", BundleWriter.WriteString(v1));
    }

    [Fact]
    public void Themes_codings_and_quotes_survive_write_read_write_byte_for_byte_in_any_order()
    {
        var bundle = PilotBundle.WithThemes();
        byte[] first = BundleWriter.Write(bundle);
        var read = BundleReader.Read(Encoding.UTF8.GetString(first));
        byte[] second = BundleWriter.Write(read);

        Assert.Equal(first, second);
        Assert.Equal(3, read.Themes.Count);
        Assert.Equal("Safety", read.Themes.Single(t => t.Name == "Anonymity").Parent);
        Assert.Equal(5, read.Codings.Count);
        Assert.Contains(read.Codings, c => c.PassageStart == 2 && c.PassageLength == 21);
        Assert.Equal(2, read.Quotes.Count);
        Assert.False(read.Participants.Single(p => p.Code == "MR-02").MayBeQuoted);

        var shuffled = bundle with { Themes = [.. bundle.Themes.Reverse()], Codings = [.. bundle.Codings.Reverse()], Quotes = [.. bundle.Quotes.Reverse()] };
        Assert.Equal(first, BundleWriter.Write(shuffled));
    }

    [Fact]
    public void The_bundle_names_no_coder()
    {
        var json = BundleWriter.WriteString(PilotBundle.WithThemes());
        Assert.DoesNotContain("coder", json);
        Assert.DoesNotContain("enrolment", json);
    }

    public static TheoryData<string, string, string> Broken() => new()
    {
        { "quote from someone who did not agree", "$.quotes[0].participant", "did not agree to be quoted" },
        { "quote of an answer not coded with the theme", "$.quotes[0]", "not coded with" },
        { "two quotes for one theme", "$.quotes[1].theme", "already has a quote" },
        { "passage beyond the text", "$.codings[0].passage_start", "within the answer" },
        { "passage start without length", "$.codings[0]", "go together" },
        { "coding of an unknown theme", "$.codings[0].theme", "unknown theme" },
        { "coding of an answer with no text", "$.codings[0]", "no answer with text" },
        { "duplicate coding", "$.codings[1]", "appears twice" },
        { "theme name twice, other case", "$.themes[1].name", "appears twice" },
        { "parent unknown", "$.themes[0].parent", "unknown theme" },
        { "parent loop", "$.themes[0].parent", "under itself" },
        { "coder named", "$.codings[0].coder", "unknown field" },
        { "missing codings", "$.codings", "missing" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Every_broken_content_analysis_is_refused_naming_the_path(string broken, string path, string words)
    {
        var tree = PilotBundle.TreeWithThemes();
        var themes = tree["themes"]!.AsArray();      // Anonymity, Perspective, Safety (written in name order)
        var codings = tree["codings"]!.AsArray();
        var quotes = tree["quotes"]!.AsArray();      // Anonymity, Perspective
        switch (broken)
        {
            case "quote from someone who did not agree": quotes[0]!["participant"] = "MR-02"; break;
            case "quote of an answer not coded with the theme": quotes[0]!["participant"] = "MR-03"; break;
            case "two quotes for one theme": quotes[1]!["theme"] = "Anonymity"; break;
            case "passage beyond the text": codings[0]!["passage_start"] = 20; codings[0]!["passage_length"] = 21; break;
            case "passage start without length": codings[0]!.AsObject().Remove("passage_length"); break;
            case "coding of an unknown theme": codings[0]!["theme"] = "Nonsense"; break;
            case "coding of an answer with no text": codings[0]!["item"] = "understanding"; break;
            case "duplicate coding": codings[1] = codings[0]!.DeepClone(); break;
            case "theme name twice, other case": themes[1]!["name"] = "ANONYMITY"; break;
            case "parent unknown": themes[0]!["parent"] = "Nonsense"; break;
            case "parent loop": themes[2]!["parent"] = "Anonymity"; break;
            case "coder named": codings[0]!["coder"] = "RE-01"; break;
            case "missing codings": tree.Remove("codings"); break;
            default: throw new ArgumentOutOfRangeException(nameof(broken));
        }

        var error = Assert.Throws<BundleFormatException>(() => BundleReader.Read(tree.ToJsonString()));

        Assert.Equal(path, error.Path);
        Assert.Contains(words, error.Message);
    }

    [Fact]
    public void Table_1_is_recomputed_from_the_bundle_with_passages_as_quotes()
    {
        var report = EvaluationReport.Build(PilotBundle.WithThemes());

        var themes = Assert.IsType<ThemeFigures>(report.Themes);
        Assert.Equal([BundleStage.BeforePhase1, BundleStage.AfterPhase1, BundleStage.BeforePhase2, BundleStage.AfterPhase2], themes.Stages);
        Assert.Equal(["Anonymity", "Perspective", "Safety"], themes.Rows.Select(r => r.Name));
        var perspective = themes.Rows.Single(r => r.Name == "Perspective");
        Assert.Equal([0, 0, 0, 3], perspective.ParticipantsByStage);
        Assert.Equal("different perspective", perspective.Quote);
        Assert.Equal("MR-01", perspective.QuoteFrom);
        var anonymity = themes.Rows.Single(r => r.Name == "Anonymity");
        Assert.Equal([2, 0, 0, 0], anonymity.ParticipantsByStage);
        Assert.Equal("Safety", anonymity.Parent);
        Assert.Equal("Anonymous feedback would help.", anonymity.Quote);
        Assert.Null(themes.Rows.Single(r => r.Name == "Safety").Quote);
    }

    [Fact]
    public void Table_1_never_quotes_someone_who_did_not_agree_even_if_a_bundle_was_built_in_memory()
    {
        var bundle = PilotBundle.WithThemes();
        bundle = bundle with { Participants = [.. bundle.Participants.Select(p => p with { MayBeQuoted = false })] };

        var themes = EvaluationReport.Build(bundle).Themes!;

        Assert.All(themes.Rows, r => Assert.Null(r.Quote));
    }

    [Fact]
    public void A_bundle_without_a_codebook_has_no_table_1_in_the_report()
    {
        var report = EvaluationReport.Build(PilotBundle.Read());
        Assert.Null(report.Themes);
        Assert.DoesNotContain("\"themes\"", ReportJson.WriteString(report));
        Assert.DoesNotContain("Table 1", ReportHtml.Render(report));
    }
}

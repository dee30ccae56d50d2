using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.Auditing;
using Upward.Core.Bundles;
using Upward.Core.Evaluation;
using Upward.Core.Themes;
using Upward.Data.Evaluation;
using Upward.Web.Demo;
using Upward.Web.Pages.Evaluation;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.FreeText;

/// <summary>The research bundle carries the codebook, codings and quotes, redacted text only, and no coder or name.</summary>
public sealed class ThemesInBundleTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task The_demo_bundle_carries_themes_codings_and_quotes_with_redacted_text_only()
    {
        var id = await factory.ProgrammeIdAsync();
        var researcher = await factory.AsAsync("researcher");
        var safety = await factory.OpenThemeAsync(researcher, id, "Feeling safe", "Whether speaking up feels safe");
        var hierarchy = await factory.OpenThemeAsync(researcher, id, "Hierarchy", "Seniority as a barrier");
        await researcher.SubmitAsync($"/programmes/{id}/free-text/themes/{hierarchy}",
            new Dictionary<string, string> { ["Input.Name"] = "Hierarchy", ["Input.Definition"] = "Seniority as a barrier", ["Input.ParentId"] = safety.ToString() });
        var four = await factory.AnswerIdAsync("MR-04");
        var six = await factory.AnswerIdAsync("MR-06");
        Assert.Equal(HttpStatusCode.Redirect, (await researcher.CodeAsync(id, four, hierarchy, "Dr Lee on Ward 7 will still guess")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await researcher.CodeAsync(id, six, hierarchy)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await researcher.SubmitAsync($"/programmes/{id}/free-text/themes/{hierarchy}/quote", new Dictionary<string, string> { ["AnswerId"] = four.ToString() })).StatusCode);
        // The coordinator masks the name later, keeping the original for themselves.
        var coordinator = await factory.AsAsync("coordinator");
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync($"/programmes/{id}/free-text/answers/{four}/redact",
            new Dictionary<string, string> { ["Input.Words"] = "Dr Lee\nWard 7", ["Input.Original"] = "keep" })).StatusCode);

        var json = await researcher.GetStringAsync($"/programmes/{id}/evaluation/export/bundle.json");
        var bundle = BundleReader.Read(json);

        Assert.DoesNotContain("Dr Lee", json);
        Assert.DoesNotContain("Ward 7", json);
        Assert.Contains(bundle.Answers, a => a.Participant == "MR-04" && a.Text is { } t && t.Contains("but [redacted] on [redacted] will still guess"));
        Assert.Equal("Feeling safe", bundle.Themes.Single(t => t.Name == "Hierarchy").Parent);
        Assert.Equal("Seniority as a barrier", bundle.Themes.Single(t => t.Name == "Hierarchy").Definition);
        // The passage still points at the same words, now masked.
        var passage = bundle.Codings.Single(c => c.Answer.Participant == "MR-04");
        var text = bundle.Answers.Single(a => a.Participant == "MR-04" && a.Item == passage.Answer.Item).Text!;
        Assert.Equal("[redacted] on [redacted] will still guess", text.Substring(passage.PassageStart!.Value, passage.PassageLength!.Value));
        Assert.Contains(bundle.Codings, c => c.Answer.Participant == "MR-06" && c.PassageStart is null);
        Assert.Equal(new BundleQuote("Hierarchy", passage.Answer), Assert.Single(bundle.Quotes));
        Assert.False(bundle.Participants.Single(p => p.Code == "MR-06").MayBeQuoted);
        Assert.True(bundle.Participants.Single(p => p.Code == "MR-04").MayBeQuoted);
        Assert.DoesNotContain("coder", json);
        foreach (var (_, name, _) in DemoProgramme.People)
        {
            Assert.DoesNotContain(name, json);
        }

        // Table 1 offline matches the page's: one participant after phase 1 in each of MR-04 and MR-06, the quote masked.
        var table = EvaluationReport.Build(bundle).Themes!;
        var row = table.Rows.Single(r => r.Name == "Hierarchy");
        Assert.Equal(2, row.ParticipantsByStage[table.Stages.ToList().IndexOf(BundleStage.AfterPhase1)]);
        Assert.Equal("[redacted] on [redacted] will still guess", row.Quote);
    }

    [Fact]
    public async Task A_quote_from_someone_who_did_not_agree_never_leaves_in_the_bundle()
    {
        var id = await factory.ProgrammeIdAsync();
        var researcher = await factory.AsAsync("researcher");
        var theme = await factory.OpenThemeAsync(researcher, id, "Rota feedback");
        var six = await factory.AnswerIdAsync("MR-06");
        await researcher.CodeAsync(id, six, theme);
        // The page refuses this quote; put it in the database directly, as if consent had been withdrawn after it was chosen.
        await factory.WithDbAsync(async db =>
        {
            db.RepresentativeQuotes.Add(new RepresentativeQuote { ThemeId = theme, ProgrammeId = id, AnswerId = six, ChosenAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        var bundle = BundleReader.Read(await researcher.GetStringAsync($"/programmes/{id}/evaluation/export/bundle.json"));

        Assert.DoesNotContain(bundle.Quotes, q => q.Theme == "Rota feedback");
        Assert.Contains(bundle.Codings, c => c.Theme == "Rota feedback" && c.Answer.Participant == "MR-06");
    }

    [Fact]
    public async Task Renaming_or_redefining_a_theme_is_audited_by_id_without_its_words()
    {
        var id = await factory.ProgrammeIdAsync();
        var researcher = await factory.AsAsync("researcher");
        var theme = await factory.OpenThemeAsync(researcher, id, "Who volunteers");
        var renamed = await researcher.SubmitAsync($"/programmes/{id}/free-text/themes/{theme}",
            new Dictionary<string, string> { ["Input.Name"] = "Selection bias", ["Input.Definition"] = "Only keen consultants volunteer" });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        var entries = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.ThemeChanged && a.ProgrammeId == id).Select(a => a.Subject).ToListAsync());
        var subject = Assert.Single(entries, s => s!.StartsWith(theme.ToString(), StringComparison.Ordinal));
        Assert.Equal($"{theme} renamed, redefined", subject);
        Assert.DoesNotContain("Selection", subject);
        Assert.DoesNotContain("keen consultants", subject);

        // Saving with nothing changed records nothing.
        await researcher.SubmitAsync($"/programmes/{id}/free-text/themes/{theme}",
            new Dictionary<string, string> { ["Input.Name"] = "Selection bias", ["Input.Definition"] = "Only keen consultants volunteer" });
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ThemeChanged && a.Subject!.StartsWith(theme.ToString()))));
    }
}

/// <summary>Export, import and export again give the same bytes with a codebook, codings and quotes in the bundle.</summary>
public sealed class ThemesRoundTripTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task Export_import_export_keeps_themes_codings_and_quotes_byte_for_byte()
    {
        var pilot = DemoPilotEvaluation.Bundle();
        var before = new BundleAnswerReference("MR-01", "mentor-before-phase-1", 1, "easier");
        var after = new BundleAnswerReference("MR-01", "mentor-after-phase-2", 1, "comments");
        var bundle = pilot with
        {
            Participants = [.. pilot.Participants.Select(p => p with { MayBeQuoted = p.Code != "MR-02" })],
            Themes = [new("Safety", "Feeling safe to speak up", null), new("Perspective", "Seeing the work from the other side", null), new("Anonymity", "", "Safety")],
            Codings =
            [
                new(after, "Perspective", 2, 21),
                new(after with { Participant = "MR-02" }, "Perspective", null, null),
                new(before, "Anonymity", null, null),
                new(before with { Participant = "MR-02" }, "Anonymity", null, null),
            ],
            Quotes = [new("Perspective", after), new("Anonymity", before)],
        };
        var original = BundleWriter.WriteString(bundle);

        await using var scope = factory.Services.CreateAsyncScope();
        var organisationId = await factory.WithDbAsync(db => db.Organisations.Select(o => o.Id).FirstAsync());
        var first = await scope.ServiceProvider.GetRequiredService<BundleImport>().ImportAsync(BundleReader.Read(original), organisationId, null, default);
        var exported = BundleWriter.WriteString(await ExportAsync(scope, first.Id));
        Assert.Equal(original, exported);

        var second = await scope.ServiceProvider.GetRequiredService<BundleImport>().ImportAsync(BundleReader.Read(exported), organisationId, null, default);
        Assert.Equal(original, BundleWriter.WriteString(await ExportAsync(scope, second.Id)));

        // The codings sit under a placeholder coder that can never sign in, not under anyone real.
        var coders = await factory.WithDbAsync(db => db.Codings.Where(c => c.ProgrammeId == second.Id).Select(c => c.CoderEnrolmentId).Distinct().ToListAsync());
        var coder = await factory.WithDbAsync(db => db.Enrolments.SingleAsync(e => e.Id == coders.Single()));
        Assert.Equal(BundleContentImport.ImportedCoderCode, coder.ParticipantCode);
    }

    private async Task<ResearchBundle> ExportAsync(AsyncServiceScope scope, Guid programmeId) =>
        await scope.ServiceProvider.GetRequiredService<BundleExport>().BuildAsync(
            await factory.WithDbAsync(db => db.Programmes.Include(p => p.Domains).SingleAsync(p => p.Id == programmeId)), default);
}

/// <summary>Erasure and the content analysis, on a demo of its own because someone withdraws.</summary>
public sealed class ErasedCodingsTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task A_coded_answer_of_someone_who_withdrew_with_erasure_leaves_no_coding_in_the_bundle()
    {
        var id = await factory.ProgrammeIdAsync();
        var researcher = await factory.AsAsync("researcher");
        var theme = await factory.OpenThemeAsync(researcher, id, "Fear of reprisal");
        await researcher.CodeAsync(id, await factory.AnswerIdAsync("MR-05"), theme);
        await researcher.CodeAsync(id, await factory.AnswerIdAsync("MR-02"), theme);

        var withdrawn = await (await factory.AsAsync("mentor5")).SubmitAsync($"/programmes/{id}/withdraw", new Dictionary<string, string> { ["Input.Choice"] = "Erase" });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);

        // The export still reads back (no coding points at an answer it left out), and MR-05 is gone from it.
        var bundle = BundleReader.Read(await researcher.GetStringAsync($"/programmes/{id}/evaluation/export/bundle.json"));
        Assert.DoesNotContain(bundle.Participants, p => p.Code == "MR-05");
        Assert.DoesNotContain(bundle.Codings, c => c.Answer.Participant == "MR-05");
        Assert.Contains(bundle.Codings, c => c.Theme == "Fear of reprisal" && c.Answer.Participant == "MR-02");
    }
}

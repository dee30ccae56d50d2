using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.Bundles;
using Upward.Data;
using Upward.Data.Evaluation;
using Upward.Web.Pages.Evaluation;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Evaluation;

/// <summary>
/// Attacks on the bundle import: bundles that the reader accepts but the database or Identity would
/// not, imports repeated, and huge arrays. Each is refused with an explanation and nothing left behind.
/// </summary>
public sealed class ImportBundleAttackTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private const string Page = "/programmes/import-bundle";

    private static readonly string PilotName = DemoPilotEvaluation.Bundle().Programme.Name;
    private static string? s_exported;

    /// <summary>The demo pilot as exported (version 2, with its codebook, codings and quotes).</summary>
    private async Task<string> ExportedAsync()
    {
        if (s_exported is null)
        {
            var id = await factory.WithDbAsync(db => db.Programmes.Where(p => p.Name == PilotName).OrderBy(p => p.CreatedAtUtc).Select(p => p.Id).FirstAsync());
            s_exported = await (await factory.AsAsync("researcher")).GetStringAsync($"/programmes/{id}/evaluation/export/bundle.json");
        }
        return s_exported;
    }

    /// <summary>The exported pilot with a small codebook added: two themes (one under the other), codings and a quote.</summary>
    private async Task<JsonNode> PilotAsync()
    {
        var bundle = BundleReader.Read(await ExportedAsync());
        var texts = bundle.Answers.Where(a => a.Text is { Length: > 0 } && a.Domain is null).Take(2)
            .Select(a => new BundleAnswerReference(a.Participant, a.Instrument, a.InstrumentVersion, a.Item)).ToList();
        Assert.Equal(2, texts.Count);
        bundle = bundle with
        {
            Participants = [.. bundle.Participants.Select(p => p with { MayBeQuoted = p.Code == texts[0].Participant })],
            Themes = [new BundleTheme("Safety", "Feeling safe to speak", null), new BundleTheme("Hierarchy", "Seniority", "Safety")],
            Codings = [new BundleCoding(texts[0], "Hierarchy", null, null), new BundleCoding(texts[1], "Safety", 0, 1)],
            Quotes = [new BundleQuote("Hierarchy", texts[0])],
        };
        return JsonNode.Parse(BundleWriter.WriteString(bundle))!;
    }

    private Task<(int Programmes, int Users, int Enrolments)> CountsAsync() =>
        factory.WithDbAsync(async db => (await db.Programmes.CountAsync(), await db.Users.CountAsync(), await db.Enrolments.CountAsync()));

    private async Task<(HttpResponseMessage Response, string Html)> UploadAsync(JsonNode bundle)
    {
        var admin = await factory.AsAsync("admin");
        var response = await admin.UploadAsync(Page, "Upload", "bundle.json", Encoding.UTF8.GetBytes(bundle.ToJsonString()));
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static JsonNode WithParticipant(JsonNode bundle, string code)
    {
        var copy = bundle["participants"]![0]!.DeepClone();
        copy["code"] = code;
        copy.AsObject().Remove("may_be_quoted");
        copy.AsObject().Remove("withdrawn_at_stage");
        bundle["participants"]!.AsArray().Add(copy);
        return bundle;
    }

    private async Task AssertRefusedAsync(JsonNode bundle, string expected)
    {
        var before = await CountsAsync();
        var (response, html) = await UploadAsync(bundle);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nhsuk-error-summary", html);
        Assert.Contains("nothing has been imported", html);
        Assert.Contains(WebUtility.HtmlEncode(expected), html);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Participant_codes_that_differ_only_in_case_are_refused_before_anything_is_written()
    {
        var bundle = await PilotAsync();
        var code = bundle["participants"]![0]!["code"]!.GetValue<string>();
        await AssertRefusedAsync(WithParticipant(bundle, code.ToLowerInvariant()), "$.participants[");
    }

    [Theory]
    [InlineData("CO-01")]
    [InlineData(BundleContentImport.ImportedCoderCode)]
    [InlineData("MR 99")]
    [InlineData("MR/99")]
    [InlineData("coder")]
    public async Task A_participant_code_Upward_would_also_use_or_cannot_hold_is_refused(string code)
    {
        await AssertRefusedAsync(WithParticipant(await PilotAsync(), code), $"$.participants[");
    }

    [Fact]
    public async Task A_version_1_bundle_imports_and_exports_as_version_2_without_content_analysis()
    {
        var bundle = await PilotAsync();
        bundle["version"] = 1;
        foreach (var field in new[] { "themes", "codings", "quotes" }) bundle.AsObject().Remove(field);
        foreach (var p in bundle["participants"]!.AsArray()) p!.AsObject().Remove("may_be_quoted");
        var (response, _) = await UploadAsync(bundle);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Two_questionnaires_answered_by_the_same_person_at_one_stage_are_refused_in_plain_english_not_a_500()
    {
        var bundle = await PilotAsync();
        var first = bundle["instruments"]![0]!;
        var copy = first.DeepClone();
        copy["key"] = "second_questionnaire";
        bundle["instruments"]!.AsArray().Add(copy);
        // Someone answers the second one as well as the first: Upward keeps one response per person at each stage.
        var answer = bundle["answers"]!.AsArray().First(a => (string)a!["instrument"]! == (string)first["key"]!)!.DeepClone();
        answer["instrument"] = "second_questionnaire";
        bundle["answers"]!.AsArray().Add(answer);
        var stage = ((string)first["stage"]!).Replace('_', ' ');
        var who = (string)first["audience"]!;
        await AssertRefusedAsync(bundle, $"The bundle has 2 questionnaires for {who}s {stage}: \"{first["key"]}\" (version {first["version"]}) and \"second_questionnaire\" (version {first["version"]}). Participant {answer["participant"]} answered more than one of them");
    }

    [Fact]
    public async Task Two_questionnaires_for_one_stage_that_nobody_answered_both_of_import_as_versions_sharing_the_wave()
    {
        var bundle = await PilotAsync();
        var copy = bundle["instruments"]![0]!.DeepClone();
        copy["key"] = "second_questionnaire";
        bundle["instruments"]!.AsArray().Add(copy);
        var response = await (await factory.AsAsync("admin")).UploadAsync(Page, "Upload", "two.json", System.Text.Encoding.UTF8.GetBytes(bundle.ToJsonString()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Theme_names_definitions_and_answers_too_long_are_refused_with_their_paths()
    {
        var bundle = await PilotAsync();
        bundle["themes"]![0]!["definition"] = new string('d', 2001);
        var free = bundle["answers"]!.AsArray().First(a => a!["text"] is not null && a["domain"] is null)!;
        var index = bundle["answers"]!.AsArray().IndexOf(free);
        free["text"] = new string('a', 4001);
        // A long answer that is coded must have its codings still fit; drop them so the reader accepts it.
        bundle["codings"] = new JsonArray();
        bundle["quotes"] = new JsonArray();
        await AssertRefusedAsync(bundle, $"$.answers[{index}].text is 4001 characters long; Upward keeps at most 4000");

        var named = await PilotAsync();
        named["themes"]![0]!["name"] = new string('n', 121);
        named["codings"] = new JsonArray();
        named["quotes"] = new JsonArray();
        foreach (var t in named["themes"]!.AsArray()) t!.AsObject().Remove("parent");
        await AssertRefusedAsync(named, "$.themes[0].name is 121 characters long; Upward keeps at most 120");
    }

    [Fact]
    public async Task The_same_bundle_imported_twice_makes_two_programmes_that_both_export_it_unchanged()
    {
        var json = BundleWriter.WriteString(BundleReader.Read((await PilotAsync()).ToJsonString()));
        var admin = await factory.AsAsync("admin");
        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var response = await admin.UploadAsync(Page, "Upload", "pilot.json", Encoding.UTF8.GetBytes(json));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            ids.Add(Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[2].Split('?')[0]));
        }
        Assert.NotEqual(ids[0], ids[1]);
        foreach (var id in ids)
        {
            Assert.Equal(json, await admin.GetStringAsync($"/programmes/{id}/evaluation/export/bundle.json"));
        }
    }

    [Fact]
    public async Task A_failure_only_the_database_catches_leaves_no_programme_and_no_placeholder_accounts()
    {
        // A database that fails on the fourth save (after the programme and two placeholder accounts are written).
        var bundle = BundleReader.Read((await PilotAsync()).ToJsonString());
        Assert.NotEmpty(bundle.Codings);
        var before = await CountsAsync();
        var organisation = await factory.WithDbAsync(db => db.Organisations.Select(o => o.Id).FirstAsync());

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<UpwardDbContext>();
        var saves = 0;
        db.SavingChanges += (_, _) =>
        {
            if (++saves == 4) throw new InvalidOperationException("The disk is full (forced by the test).");
        };
        var import = scope.ServiceProvider.GetRequiredService<BundleImport>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => import.ImportAsync(bundle, organisation, null, CancellationToken.None));
        Assert.True(saves >= 4);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Huge_arrays_are_read_in_time_proportional_to_their_length()
    {
        var bundle = await PilotAsync();
        var themes = new JsonArray();
        // A chain of themes, each the parent of the next, and many items in one questionnaire: both were quadratic.
        for (var i = 0; i < 40_000; i++)
        {
            themes.Add(new JsonObject { ["name"] = $"t{i}", ["parent"] = i == 0 ? null : $"t{i - 1}" });
        }
        foreach (var t in themes) if (t!["parent"] is null) t.AsObject().Remove("parent");
        bundle["themes"] = themes;
        bundle["codings"] = new JsonArray();
        bundle["quotes"] = new JsonArray();
        var items = bundle["instruments"]![0]!["items"]!.AsArray();
        for (var i = 0; i < 40_000; i++)
        {
            items.Add(new JsonObject { ["key"] = $"extra{i}", ["type"] = "free_text", ["text"] = "More" });
        }
        var json = bundle.ToJsonString();

        var clock = Stopwatch.StartNew();
        var read = BundleReader.Read(json);
        Assert.Equal(40_000, read.Themes.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"reading took {clock.Elapsed}");
    }

    [Fact]
    public async Task Signed_out_or_without_the_antiforgery_token_nothing_is_imported()
    {
        var json = Encoding.UTF8.GetBytes(await ExportedAsync());
        var before = await CountsAsync();

        var signedOut = factory.Browser();
        Assert.Contains("/account/sign-in", (await signedOut.GetAsync(Page)).Headers.Location?.OriginalString);
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(json), "Upload", "pilot.json" } })
        {
            var post = await signedOut.PostAsync(Page, form);
            Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
            Assert.NotEqual(HttpStatusCode.InternalServerError, post.StatusCode);
        }

        var admin = await factory.AsAsync("admin");
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(json), "Upload", "pilot.json" } })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync(Page, form)).StatusCode);
        }
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_bundle_saved_as_UTF_8_with_a_byte_order_mark_imports()
    {
        // Windows editors save UTF-8 with a byte order mark; it is still UTF-8 JSON.
        var admin = await factory.AsAsync("admin");
        var response = await admin.UploadAsync(Page, "Upload", "pilot.json", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(await ExportedAsync())]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}

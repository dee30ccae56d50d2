using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Web.Pages.Questionnaires;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Questionnaires;

/// <summary>Every bad input gets a clear message and nothing already saved is lost.</summary>
public sealed class BadInputTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private async Task<(Guid Programme, Guid Wave, List<InstrumentItem> Items, List<Guid> Domains)> WaveAsync(ProgrammeRole role, Stage stage)
    {
        var programmeId = await factory.ProgrammeIdAsync();
        if (StageApplicability.IsAboutTheOneToOne(stage))
        {
            // Put only to people who were paired: pair those these tests answer as.
            foreach (var n in new[] { 3, 4, 5 }) await factory.PairAsync($"mentor{n}", $"mentee{n}");
        }
        var waveId = await factory.WaveIdAsync(role, stage);
        var (items, domains) = await factory.ItemsAsync(waveId);
        return (programmeId, waveId, items, domains);
    }

    private static async Task<string> PostAsync(HttpClient client, Guid programmeId, Guid waveId, InstrumentItem item, Dictionary<string, string> fields)
    {
        fields.TryAdd("Version", item.InstrumentId.ToString());
        var response = await client.SubmitAsync(QuestionnaireFixture.Url(programmeId, waveId, $"/questions/{item.Key}"), fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<ItemType, string, string> OutOfRange => new()
    {
        { ItemType.Scale, "6", "Choose a number from 1 to 5" },
        { ItemType.Scale, "0", "Choose a number from 1 to 5" },
        { ItemType.Scale, "three", "Choose a number from 1 to 5" },
        { ItemType.Scale, "", "Choose a number from 1 to 5" },
        { ItemType.YesNo, "maybe", "Choose yes or no" },
        { ItemType.YesNo, "", "Choose yes or no" },
        { ItemType.SingleChoice, "5", "Choose one of the answers listed" },
        { ItemType.SingleChoice, "0", "Choose one of the answers listed" },
        { ItemType.SingleChoice, "", "Choose one answer" },
        { ItemType.Minutes, "601", "between 0 and 600" },
        { ItemType.Minutes, "-5", "as a whole number" },
        { ItemType.Minutes, "4.5", "as a whole number" },
        { ItemType.Minutes, "", "Enter a number of minutes" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public async Task Out_of_range_values_are_refused_with_a_message_and_the_saved_answer_kept(ItemType type, string value, string message)
    {
        // The mentee's after-phase-2 questionnaire has scale, yes/no and choices; before phase 2 has minutes.
        var (programmeId, waveId, items, domains) = await WaveAsync(ProgrammeRole.Mentee, type == ItemType.Minutes ? Stage.BeforePhase2 : Stage.AfterPhase2);
        var item = items.First(i => i.Type == type && !i.Optional);
        var client = await factory.AsAsync("mentee3");
        var good = QuestionnaireFixture.ValidFields(item, domains);
        good["Version"] = item.InstrumentId.ToString();
        await client.SubmitAsync(QuestionnaireFixture.Url(programmeId, waveId, $"/questions/{item.Key}"), good);

        var html = await PostAsync(client, programmeId, waveId, item, new Dictionary<string, string> { ["Value"] = value });
        Assert.Contains("There is a problem", html);
        Assert.Contains(message, html);
        Assert.Contains("href=\"#Value\"", html);
        var stored = await factory.WithDbAsync(db => db.Answers.Where(a => a.ItemId == item.Id).ToListAsync());
        Assert.Contains(stored, a => a.Number == int.Parse(good["Value"] == "yes" ? "1" : good["Value"]));
    }

    [Fact]
    public async Task A_domain_grid_needs_every_domain_and_refuses_ratings_out_of_range_or_for_unknown_domains()
    {
        var (programmeId, waveId, items, domains) = await WaveAsync(ProgrammeRole.Mentor, Stage.BeforePhase1);
        var grid = items.First(i => i.Type == ItemType.DomainGrid);
        var client = await factory.AsAsync("mentor6");

        var missing = await PostAsync(client, programmeId, waveId, grid, new Dictionary<string, string> { [$"Domains[{domains[0]}]"] = "3" });
        Assert.Contains($"href=\"#domain-{domains[1]}\"", missing);
        var high = QuestionnaireFixture.ValidFields(grid, domains);
        high[$"Domains[{domains[2]}]"] = "9";
        Assert.Contains("Choose a number from 1 to 5", await PostAsync(client, programmeId, waveId, grid, high));
        var tampered = QuestionnaireFixture.ValidFields(grid, domains);
        tampered[$"Domains[{Guid.NewGuid()}]"] = "3";
        Assert.Contains("This page has changed since it was opened", await PostAsync(client, programmeId, waveId, grid, tampered));
        tampered = QuestionnaireFixture.ValidFields(grid, domains);
        tampered["Domains[not-a-domain]"] = "3";
        Assert.Contains("This page has changed since it was opened", await PostAsync(client, programmeId, waveId, grid, tampered));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Answers.CountAsync(a => a.ItemId == grid.Id && db.Responses.Any(r => r.Id == a.ResponseId && db.Enrolments.Any(e => e.Id == r.EnrolmentId && e.ParticipantCode == "MR-06")))));
    }

    [Fact]
    public async Task Free_text_longer_than_the_limit_is_refused_and_its_length_said()
    {
        var (programmeId, waveId, items, _) = await WaveAsync(ProgrammeRole.Mentor, Stage.BeforePhase1);
        var text = items.First(i => i.Type == ItemType.FreeText);
        var client = await factory.AsAsync("mentor6");
        var html = await PostAsync(client, programmeId, waveId, text, new Dictionary<string, string> { ["Value"] = new string('a', AnswerRules.TextLongest + 1) });
        Assert.Contains("4000 characters or fewer (it is 4001)", html);
    }

    [Fact]
    public async Task A_tampered_wave_or_item_is_not_found()
    {
        var (programmeId, waveId, items, _) = await WaveAsync(ProgrammeRole.Mentor, Stage.BeforePhase1);
        var client = await factory.AsAsync("mentor6");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(QuestionnaireFixture.Url(programmeId, Guid.NewGuid(), $"/questions/{items[0].Key}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(QuestionnaireFixture.Url(programmeId, waveId, "/questions/no-such-question"))).StatusCode);
        var page = await (await client.GetAsync(QuestionnaireFixture.Url(programmeId, waveId, $"/questions/{items[0].Key}"))).Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var post = await client.PostAsync(QuestionnaireFixture.Url(programmeId, waveId, "/questions/no-such-question"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["Value"] = "3" }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    private static readonly string MenteeFour = ParticipantCode.For(ProgrammeRole.Mentee, 4);

    [Fact]
    public async Task A_closed_wave_says_so_and_keeps_what_was_saved()
    {
        var (programmeId, waveId, items, domains) = await WaveAsync(ProgrammeRole.Mentee, Stage.AfterPhase2);
        var client = await factory.AsAsync("mentee4");
        var first = items[0];
        var fields = QuestionnaireFixture.ValidFields(first, domains);
        fields["Version"] = first.InstrumentId.ToString();
        var url = QuestionnaireFixture.Url(programmeId, waveId, $"/questions/{first.Key}");
        var page = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        await client.SubmitAsync(url, fields);
        await factory.WithDbAsync(async db => { (await db.Waves.SingleAsync(w => w.Id == waveId)).Close(DateTime.UtcNow); await db.SaveChangesAsync(); });

        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token);
        fields["Value"] = "1";
        var late = await client.PostAsync(url, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        var closed = await (await client.GetAsync(late.Headers.Location!.OriginalString)).Content.ReadAsStringAsync();
        Assert.Contains("This questionnaire is closed", closed);
        Assert.Contains("The answers you saved before it closed are kept", closed);
        Assert.Equal(4, await factory.WithDbAsync(db => db.Answers.Where(a => a.ItemId == first.Id && db.Responses.Any(r => r.Id == a.ResponseId && db.Enrolments.Any(e => e.Id == r.EnrolmentId && e.ParticipantCode == MenteeFour)))
            .Select(a => a.Number).SingleAsync()));
        await factory.WithDbAsync(async db => { (await db.Waves.SingleAsync(w => w.Id == waveId)).Open(DateTime.UtcNow); await db.SaveChangesAsync(); });
    }

    [Fact]
    public async Task A_page_left_open_across_a_new_version_asks_again_and_keeps_earlier_answers()
    {
        var (programmeId, waveId, items, domains) = await WaveAsync(ProgrammeRole.Mentor, Stage.AfterPhase2);
        var mentor = await factory.AsAsync("mentor5");
        var first = items[0];
        var fields = QuestionnaireFixture.ValidFields(first, domains);
        fields["Version"] = first.InstrumentId.ToString();
        await mentor.SubmitAsync(QuestionnaireFixture.Url(programmeId, waveId, $"/questions/{first.Key}"), fields);

        // The coordinator rewords the second question after that first answer: a new version.
        var coordinator = await factory.AsAsync("coordinator");
        var edit = await coordinator.SubmitAsync($"/programmes/{programmeId}/questionnaires/instruments/{first.InstrumentId}/items/{items[1].Key}",
            new Dictionary<string, string> { ["Input.Text"] = "Reworded second question", ["Input.Hint"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var (newItems, _) = await factory.ItemsAsync(waveId);
        Assert.NotEqual(first.InstrumentId, newItems[0].InstrumentId);
        Assert.Equal("Reworded second question", newItems[1].Text);
        Assert.Equal(items[1].Text, await factory.WithDbAsync(db => db.InstrumentItems.Where(i => i.Id == items[1].Id).Select(i => i.Text).SingleAsync()));

        // The mentor's page was drawn from the old version.
        var stale = QuestionnaireFixture.ValidFields(items[1], domains);
        stale["Version"] = first.InstrumentId.ToString();
        var html = await PostAsync(mentor, programmeId, waveId, items[1], stale);
        Assert.Contains(QuestionModel.StaleVersionMessage, html);
        Assert.Contains("Reworded second question", html);
        var kept = await factory.WithDbAsync(db => db.Answers.Where(a => a.ItemId == newItems[0].Id).Select(a => a.Number).SingleAsync());
        Assert.Equal(4, kept);
    }

    [Fact]
    public async Task Rewording_before_any_answer_changes_the_version_in_place()
    {
        var (programmeId, waveId, items, _) = await WaveAsync(ProgrammeRole.Mentee, Stage.BeforePhase2);
        var coordinator = await factory.AsAsync("coordinator");
        // mentee3 may already have answered this wave in another test; use the after-phase-1 mentor wave if so.
        var answered = await factory.WithDbAsync(db => db.Answers.AnyAsync(a => items.Select(i => i.Id).Contains(a.ItemId)));
        if (answered)
        {
            (programmeId, waveId, items, _) = await WaveAsync(ProgrammeRole.Mentor, Stage.BeforePhase1);
            await factory.WithDbAsync(async db => { (await db.Waves.SingleAsync(w => w.Id == waveId)).Close(DateTime.UtcNow); await db.SaveChangesAsync(); });
        }
        var hasAnswers = await factory.WithDbAsync(db => db.Answers.AnyAsync(a => items.Select(i => i.Id).Contains(a.ItemId)));
        var edit = await coordinator.SubmitAsync($"/programmes/{programmeId}/questionnaires/instruments/{items[0].InstrumentId}/items/{items[0].Key}",
            new Dictionary<string, string> { ["Input.Text"] = "A plainer first question", ["Input.Hint"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var (after, _) = await factory.ItemsAsync(waveId);
        Assert.Equal(hasAnswers, after[0].InstrumentId != items[0].InstrumentId);
        Assert.Equal("A plainer first question", after[0].Text);
        var empty = await coordinator.SubmitAsync($"/programmes/{programmeId}/questionnaires/instruments/{after[0].InstrumentId}/items/{items[0].Key}",
            new Dictionary<string, string> { ["Input.Text"] = "", ["Input.Hint"] = "" });
        Assert.Contains("Enter the question", await empty.Content.ReadAsStringAsync());
    }
}

using System.Net;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Questionnaires;

/// <summary>Only the audience answers, only their own response, and the coordinator sees completion, not answers.</summary>
public sealed class QuestionnaireAccessTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private static void AssertRefused(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("mentee1")]
    [InlineData("coordinator")]
    [InlineData("facilitator")]
    [InlineData("researcher")]
    [InlineData("admin")]
    public async Task Only_the_waves_audience_may_open_or_answer_it(string who)
    {
        var programmeId = await factory.ProgrammeIdAsync();
        var waveId = await factory.WaveIdAsync(ProgrammeRole.Mentor, Stage.BeforePhase1);
        var (items, _) = await factory.ItemsAsync(waveId);
        var client = await factory.AsAsync(who);
        foreach (var rest in new[] { "", $"/questions/{items[0].Key}", "/check", "/done" })
        {
            AssertRefused(await client.GetAsync(QuestionnaireFixture.Url(programmeId, waveId, rest)));
        }
        // A POST without the page's token is refused before anything is read or written.
        var post = await client.PostAsync(QuestionnaireFixture.Url(programmeId, waveId, $"/questions/{items[0].Key}"), new FormUrlEncodedContent(new Dictionary<string, string> { ["Value"] = "yes" }));
        Assert.True(post.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_mentee_with_a_valid_token_still_cannot_answer_the_mentors_questionnaire()
    {
        var programmeId = await factory.ProgrammeIdAsync();
        var mentorWave = await factory.WaveIdAsync(ProgrammeRole.Mentor, Stage.BeforePhase1);
        var menteeWave = await factory.WaveIdAsync(ProgrammeRole.Mentee, Stage.BeforePhase2);
        var (items, _) = await factory.ItemsAsync(mentorWave);
        var mentee = await factory.AsAsync("mentee1");
        // Take a real token from a page the mentee may see, then post to the mentors' wave.
        var response = await mentee.SubmitAsync(QuestionnaireFixture.Url(programmeId, menteeWave, "/questions/concerns"),
            new Dictionary<string, string> { ["Value"] = "no", ["Version"] = items[0].InstrumentId.ToString() },
            QuestionnaireFixture.Url(programmeId, mentorWave, $"/questions/{items[0].Key}"));
        AssertRefused(response);
    }

    [Fact]
    public async Task Nobody_sees_anothers_answers_and_the_board_shows_completion_only()
    {
        var programmeId = await factory.ProgrammeIdAsync();
        var waveId = await factory.WaveIdAsync(ProgrammeRole.Mentor, Stage.BeforePhase1);
        var mentor1 = await factory.AsAsync("mentor1");
        await factory.AnswerAllAsync(mentor1, waveId);
        await mentor1.SubmitAsync(QuestionnaireFixture.Url(programmeId, waveId, "/check"), new Dictionary<string, string>());

        var mentor2 = await factory.AsAsync("mentor2");
        var page = await (await mentor2.GetAsync(QuestionnaireFixture.Url(programmeId, waveId, "/questions/concerns"))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("checked=\"checked\"", page);
        Assert.DoesNotContain("Follow-up for concerns", page);
        var start = await (await mentor2.GetAsync(QuestionnaireFixture.Url(programmeId, waveId))).Content.ReadAsStringAsync();
        Assert.Contains("Start now", start);

        var coordinator = await factory.AsAsync("coordinator");
        var board = await (await coordinator.GetAsync($"/programmes/{programmeId}/people")).Content.ReadAsStringAsync();
        Assert.Contains("Questionnaires", board);
        Assert.Contains("1 of 1 sent", board);
        Assert.DoesNotContain("Follow-up for concerns", board);
        var waves = await (await coordinator.GetAsync($"/programmes/{programmeId}/questionnaires")).Content.ReadAsStringAsync();
        Assert.Contains("1 of 6 mentors sent", waves);
        Assert.DoesNotContain("Follow-up for concerns", waves);
        // The coordinator is no mentor: the answering pages are closed to them.
        AssertRefused(await coordinator.GetAsync(QuestionnaireFixture.Url(programmeId, waveId, "/check")));
    }

    [Theory]
    [InlineData("mentor1")]
    [InlineData("mentee1")]
    [InlineData("facilitator")]
    [InlineData("researcher")]
    public async Task Only_coordinators_manage_waves_and_wording(string who)
    {
        var programmeId = await factory.ProgrammeIdAsync();
        var waveId = await factory.WaveIdAsync(ProgrammeRole.Mentor, Stage.BeforePhase1);
        var (items, _) = await factory.ItemsAsync(waveId);
        var client = await factory.AsAsync(who);
        var instrument = $"/programmes/{programmeId}/questionnaires/instruments/{items[0].InstrumentId}";
        AssertRefused(await client.GetAsync(instrument));
        AssertRefused(await client.GetAsync($"{instrument}/items/{items[0].Key}"));
        var list = await client.GetAsync($"/programmes/{programmeId}/questionnaires");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain("Add the standard questionnaires", await list.Content.ReadAsStringAsync());
        var close = await client.SubmitAsync($"/programmes/{programmeId}/questionnaires", new Dictionary<string, string>(),
            $"/programmes/{programmeId}/questionnaires?handler=Close&waveId={waveId}");
        AssertRefused(close);
    }

    [Fact]
    public async Task The_coordinator_opens_and_closes_a_wave_and_adding_the_standard_set_twice_adds_nothing()
    {
        var programmeId = await factory.ProgrammeIdAsync();
        var waveId = await factory.WaveIdAsync(ProgrammeRole.Mentee, Stage.AfterPhase2, open: false);
        var coordinator = await factory.AsAsync("coordinator");
        var list = $"/programmes/{programmeId}/questionnaires";
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync(list, new Dictionary<string, string>(), $"{list}?handler=Open&waveId={waveId}")).StatusCode);
        Assert.True(await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Waves, w => w.Id == waveId && w.IsOpen)));
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync(list, new Dictionary<string, string>(), $"{list}?handler=Close&waveId={waveId}")).StatusCode);
        Assert.False(await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Waves, w => w.Id == waveId && w.IsOpen)));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.SubmitAsync(list, new Dictionary<string, string>(), $"{list}?handler=Close&waveId={Guid.NewGuid()}")).StatusCode);
        var before = await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Waves));
        await coordinator.SubmitAsync(list, new Dictionary<string, string>(), $"{list}?handler=AddBuiltIns");
        Assert.Equal(before, await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Waves)));
    }
}

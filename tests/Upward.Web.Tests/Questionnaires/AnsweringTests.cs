using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Questionnaires;

/// <summary>Answering a whole questionnaire through the pages: every item type saved exactly, submitted once.</summary>
public sealed class AnsweringTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Theory]
    [InlineData("mentor1", ProgrammeRole.Mentor, Stage.BeforePhase1)]
    [InlineData("mentor2", ProgrammeRole.Mentor, Stage.AfterPhase2)]
    [InlineData("mentee1", ProgrammeRole.Mentee, Stage.BeforePhase2)]
    [InlineData("mentee2", ProgrammeRole.Mentee, Stage.AfterPhase2)]
    public async Task A_participant_answers_every_question_and_each_answer_is_stored_exactly(string who, ProgrammeRole role, Stage stage)
    {
        var programmeId = await factory.ProgrammeIdAsync();
        if (StageApplicability.IsAboutTheOneToOne(stage)) await factory.PairAsync("mentor2", "mentee2");
        var waveId = await factory.WaveIdAsync(role, stage);
        var client = await factory.AsAsync(who);

        var start = await (await client.GetAsync(QuestionnaireFixture.Url(programmeId, waveId))).Content.ReadAsStringAsync();
        Assert.Contains("Start now", start);
        await factory.AnswerAllAsync(client, waveId);

        var check = await client.GetAsync(QuestionnaireFixture.Url(programmeId, waveId, "/check"));
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var html = await check.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Not answered yet", html);
        Assert.Contains("?change=true", html);

        var (items, domains) = await factory.ItemsAsync(waveId);
        var rows = await factory.WithDbAsync(db => db.Answers
            .Where(a => db.Responses.Any(r => r.Id == a.ResponseId && r.WaveId == waveId && db.Enrolments.Any(e => e.Id == r.EnrolmentId && e.UserId == db.Users.Single(u => u.Email == Upward.Web.Demo.DemoProgramme.EmailOf(who)).Id)))
            .ToListAsync());
        foreach (var item in items)
        {
            var mine = rows.Where(a => a.ItemId == item.Id).ToList();
            switch (item.Type)
            {
                case ItemType.DomainGrid:
                    Assert.Equal(domains.Count, mine.Count);
                    Assert.All(domains.Select((d, i) => (d, i)), x => Assert.Equal((x.i % 5) + 1, mine.Single(a => a.DomainId == x.d).Number));
                    break;
                case ItemType.Scale: Assert.Equal(4, mine.Single().Number); break;
                case ItemType.YesNo: Assert.Equal(1, mine.Single().Number); Assert.Equal($"Follow-up for {item.Key}", mine.Single().Text); break;
                case ItemType.SingleChoice: Assert.Equal(2, mine.Single().Number); Assert.Equal(item.Choices[1], mine.Single().Text); break;
                case ItemType.Minutes: Assert.Equal(45, mine.Single().Number); break;
                default: Assert.Equal($"Words for {item.Key}", mine.Single().Text); break;
            }
        }

        // Two sends, as from a double click: both land on the confirmation, one submission recorded.
        var first = await client.SubmitAsync(QuestionnaireFixture.Url(programmeId, waveId, "/check"), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.EndsWith("/done", first.Headers.Location!.OriginalString);
        var token = await client.GetAsync(QuestionnaireFixture.Url(programmeId, waveId, "/done"));
        Assert.Contains("Answers sent", await token.Content.ReadAsStringAsync());
        var second = await client.PostAsync(QuestionnaireFixture.Url(programmeId, waveId, "/check"), new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.True(second.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest);
        Assert.Equal(1, await SubmissionAuditsAsync(waveId, who));
    }

    private async Task<int> SubmissionAuditsAsync(Guid waveId, string who) => await factory.WithDbAsync(async db =>
    {
        var email = Upward.Web.Demo.DemoProgramme.EmailOf(who);
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var response = await db.Responses.SingleAsync(r => r.WaveId == waveId && db.Enrolments.Any(e => e.Id == r.EnrolmentId && e.UserId == userId));
        Assert.Equal(ResponseStatus.Submitted, response.Status);
        return await db.AuditEntries.CountAsync(a => a.Action == AuditAction.QuestionnaireSubmitted && a.Subject == response.Id.ToString());
    });

    [Fact]
    public async Task Submitting_twice_with_valid_tokens_records_one_submission()
    {
        var programmeId = await factory.ProgrammeIdAsync();
        var waveId = await factory.WaveIdAsync(ProgrammeRole.Mentor, Stage.AfterPhase1);
        var client = await factory.AsAsync("mentor3");
        await factory.AnswerAllAsync(client, waveId);
        var checkUrl = QuestionnaireFixture.Url(programmeId, waveId, "/check");
        var page = await (await client.GetAsync(checkUrl)).Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) };
        var both = await Task.WhenAll(client.PostAsync(checkUrl, new FormUrlEncodedContent(form)), client.PostAsync(checkUrl, new FormUrlEncodedContent(form)));
        Assert.All(both, r => Assert.EndsWith("/done", r.Headers.Location!.OriginalString));
        Assert.Equal(1, await SubmissionAuditsAsync(waveId, "mentor3"));
    }

    [Fact]
    public async Task Answers_are_resumable_from_another_device_and_final_once_sent()
    {
        var programmeId = await factory.ProgrammeIdAsync();
        var waveId = await factory.WaveIdAsync(ProgrammeRole.Mentor, Stage.BeforePhase2);
        var (items, domains) = await factory.ItemsAsync(waveId);
        var phone = await factory.AsAsync("mentor4");
        var first = items[0];
        var fields = QuestionnaireFixture.ValidFields(first, domains);
        fields["Version"] = first.InstrumentId.ToString();
        await phone.SubmitAsync(QuestionnaireFixture.Url(programmeId, waveId, $"/questions/{first.Key}"), fields);

        // A second sign-in (another device) carries on at the next question with the first kept.
        var desktop = await factory.AsAsync("mentor4");
        var start = await (await desktop.GetAsync(QuestionnaireFixture.Url(programmeId, waveId))).Content.ReadAsStringAsync();
        Assert.Contains("Carry on", start);
        Assert.Contains($"/questions/{items[1].Key}", start);
        var back = await (await desktop.GetAsync(QuestionnaireFixture.Url(programmeId, waveId, $"/questions/{first.Key}"))).Content.ReadAsStringAsync();
        Assert.Contains("value=\"yes\" checked=\"checked\"", back);

        await factory.AnswerAllAsync(desktop, waveId);
        await desktop.SubmitAsync(QuestionnaireFixture.Url(programmeId, waveId, "/check"), new Dictionary<string, string>());
        var late = await phone.GetAsync(QuestionnaireFixture.Url(programmeId, waveId, $"/questions/{first.Key}"));
        Assert.EndsWith("/done", late.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Home_page_shows_the_open_questionnaire_to_mentors_only_until_it_is_sent()
    {
        var mentor = await (await (await factory.AsAsync("mentor5")).GetAsync("/")).Content.ReadAsStringAsync();
        Assert.Contains("Questionnaires to answer", mentor);
        Assert.Contains("Mentors: before the group feedback session", mentor);
        var mentee = await (await (await factory.AsAsync("mentee5")).GetAsync("/")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Mentors: before the group feedback session", mentee);
    }
}

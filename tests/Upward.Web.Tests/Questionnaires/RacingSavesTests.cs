using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Questionnaires;

/// <summary>
/// Answers saved under contention: five mentors on four devices at once, each page sent three times
/// from each device, round after round with new values. No save may fail, nothing may be doubled, and
/// each round's values must be what is stored at its end.
/// </summary>
public sealed class RacingSavesTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private const int DevicesEach = 4;
    private const int CopiesPerDevice = 3;
    private const int Rounds = 3;
    // Five, each paired with a mentee: the questionnaire after phase 2 is put only to mentors who were paired.
    private static readonly string[] Mentors = ["mentor1", "mentor2", "mentor3", "mentor4", "mentor5"];

    [Fact]
    public async Task Pages_saved_many_times_at_once_never_fail_make_one_response_each_and_keep_the_last_values()
    {
        var programmeId = await factory.ProgrammeIdAsync();
        for (var n = 1; n <= Mentors.Length; n++) await factory.PairAsync($"mentor{n}", $"mentee{n}");
        var waveId = await factory.WaveIdAsync(ProgrammeRole.Mentor, Stage.AfterPhase2);
        var (items, domains) = await factory.ItemsAsync(waveId);
        var devices = new List<(string Who, HttpClient Client, string Token)>();
        foreach (var who in Mentors)
        {
            for (var d = 0; d < DevicesEach; d++)
            {
                var client = await factory.AsAsync(who);
                devices.Add((who, client, await client.TokenAsync(QuestionnaireFixture.Url(programmeId, waveId, $"/questions/{items[0].Key}"))));
            }
        }

        for (var round = 0; round < Rounds; round++)
        {
            // Half the people start each round with no response at all, so every round races the
            // response's creation as well as the answers' insertion and replacement.
            var fresh = Mentors.Where((_, i) => (i + round) % 2 == 0).Select(DemoProgramme.EmailOf).ToList();
            await factory.WithDbAsync(db => db.Responses.Where(r => r.WaveId == waveId
                && db.Enrolments.Any(e => e.Id == r.EnrolmentId && db.Users.Any(u => u.Id == e.UserId && fresh.Contains(u.Email!)))).ExecuteDeleteAsync());
            // Page by page, every device sends the page several times at once.
            foreach (var item in items)
            {
                var fields = FieldsFor(item, domains, round);
                fields["Version"] = item.InstrumentId.ToString();
                var saves = devices.SelectMany(device => Enumerable.Range(0, CopiesPerDevice).Select(_ =>
                    device.Client.PostAsync(QuestionnaireFixture.Url(programmeId, waveId, $"/questions/{item.Key}"),
                        new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = device.Token }))));
                var responses = await Task.WhenAll(saves);
                Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
            }

            await factory.WithDbAsync(async db =>
            {
                var mine = await MentorResponses(db, waveId).ToListAsync();
                Assert.Equal(Mentors.Length, mine.Count);
                foreach (var response in mine)
                {
                    var answers = await db.Answers.Where(a => a.ResponseId == response.Id).ToListAsync();
                    Assert.Equal(items.Sum(i => i.Type == ItemType.DomainGrid ? domains.Count : 1), answers.Count);
                    foreach (var item in items)
                    {
                        var expected = FieldsFor(item, domains, round);
                        foreach (var answer in answers.Where(a => a.ItemId == item.Id))
                        {
                            Assert.Equal(Expected(item, domains, answer.DomainId, expected), (answer.Number, answer.Text));
                        }
                    }
                }
            });
        }

        // Every device sends at once: each person's answers are submitted exactly once.
        var sends = await Task.WhenAll(devices.Select(d => d.Client.PostAsync(QuestionnaireFixture.Url(programmeId, waveId, "/check"),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = d.Token }))));
        Assert.All(sends, r => Assert.EndsWith("/done", r.Headers.Location!.OriginalString));
        await factory.WithDbAsync(async db =>
        {
            var sent = await MentorResponses(db, waveId).ToListAsync();
            Assert.All(sent, r => Assert.Equal(ResponseStatus.Submitted, r.Status));
            var ids = sent.Select(r => r.Id.ToString()).ToList();
            Assert.Equal(Mentors.Length, await db.AuditEntries.CountAsync(a => a.Action == AuditAction.QuestionnaireSubmitted && ids.Contains(a.Subject!)));
        });
    }

    private static IQueryable<Response> MentorResponses(Upward.Data.UpwardDbContext db, Guid waveId) =>
        db.Responses.Where(r => r.WaveId == waveId);

    /// <summary>A valid answer that differs from round to round, so a save left over from an earlier round would show.</summary>
    private static Dictionary<string, string> FieldsFor(InstrumentItem item, IReadOnlyList<Guid> domains, int round)
    {
        var fields = QuestionnaireFixture.ValidFields(item, domains, rating: 1 + round);
        switch (item.Type)
        {
            case ItemType.DomainGrid:
                for (var i = 0; i < domains.Count; i++) fields[$"Domains[{domains[i]}]"] = (((i + round) % 5) + 1).ToString();
                break;
            case ItemType.YesNo: fields["FollowUp"] = $"Round {round} for {item.Key}"; break;
            case ItemType.Minutes: fields["Value"] = (30 + round).ToString(); break;
            case ItemType.FreeText: fields["Value"] = $"Round {round} words for {item.Key}"; break;
        }
        return fields;
    }

    private static (int? Number, string? Text) Expected(InstrumentItem item, IReadOnlyList<Guid> domains, Guid domainId, Dictionary<string, string> fields) => item.Type switch
    {
        ItemType.DomainGrid => (int.Parse(fields[$"Domains[{domainId}]"]), null),
        ItemType.Scale or ItemType.Minutes => (int.Parse(fields["Value"]), null),
        ItemType.YesNo => (1, fields["FollowUp"]),
        ItemType.SingleChoice => (2, item.Choices[1]),
        _ => (null, fields["Value"]),
    };
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Data;
using Upward.Web.Demo;
using Upward.Web.Pages.Questionnaires;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Questionnaires;

/// <summary>A save that started before the answers were sent must not change them after.</summary>
public sealed class SubmittedIsFinalTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task A_save_racing_the_submission_writes_nothing()
    {
        var programmeId = await factory.ProgrammeIdAsync();
        var waveId = await factory.WaveIdAsync(ProgrammeRole.Mentor, Stage.BeforePhase1);
        var client = await factory.AsAsync("mentor2");
        await factory.AnswerAllAsync(client, waveId);

        // The slow save: its page loaded the draft before the other device sent it.
        await using var slow = factory.Services.CreateAsyncScope();
        var db = slow.ServiceProvider.GetRequiredService<UpwardDbContext>();
        var programme = await db.Programmes.Include(p => p.Domains).SingleAsync(p => p.Id == programmeId);
        var userId = await db.Users.Where(u => u.Email == DemoProgramme.EmailOf("mentor2")).Select(u => u.Id).SingleAsync();
        var (questionnaire, _) = await Questionnaire.LoadAsync(db, programme, userId, waveId, CancellationToken.None);
        var understanding = questionnaire!.ItemFor("understanding")!;

        await client.SubmitAsync(QuestionnaireFixture.Url(programmeId, waveId, "/check"), new Dictionary<string, string>());

        var saved = await AnswerStore.SaveAsync(db, questionnaire, understanding, [new AnswerValue(Guid.Empty, 1, null)], DateTime.UtcNow, CancellationToken.None);
        Assert.False(saved);
        var stored = await factory.WithDbAsync(d => d.Answers.Where(a => a.ResponseId == questionnaire.Response!.Id && a.ItemId == understanding.Id).Select(a => a.Number).SingleAsync());
        Assert.Equal(4, stored);
    }
}

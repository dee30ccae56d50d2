using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Questionnaires;

/// <summary>
/// Changing a saved answer from the check page: a one-answer item keeps exactly one answer however often it
/// is saved, and an optional answer saved blank is taken back. (A save of a one-answer item skips the delete
/// that only a grid or a cleared answer needs, so both halves of that rule are shown here.)
/// </summary>
public sealed class ChangingAnswerTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task An_answer_changed_is_stored_once_and_an_optional_answer_saved_blank_is_removed()
    {
        var programmeId = await factory.ProgrammeIdAsync();
        var waveId = await factory.WaveIdAsync(ProgrammeRole.Mentor, Stage.BeforePhase1);
        var (items, _) = await factory.ItemsAsync(waveId);
        var optional = items.First(i => i.Type == ItemType.FreeText && i.Optional);
        var enrolmentId = await factory.EnrolmentIdAsync("mentor2");
        var client = await factory.AsAsync("mentor2");

        async Task SaveAsync(string value)
        {
            var response = await client.SubmitAsync(QuestionnaireFixture.Url(programmeId, waveId, $"/questions/{optional.Key}?change=true"),
                new Dictionary<string, string> { ["Value"] = value, ["Version"] = optional.InstrumentId.ToString() });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.EndsWith("/check", response.Headers.Location!.OriginalString);
        }
        Task<List<string?>> StoredAsync() => factory.WithDbAsync(db => db.Answers
            .Where(a => a.ItemId == optional.Id && db.Responses.Any(r => r.Id == a.ResponseId && r.EnrolmentId == enrolmentId))
            .Select(a => a.Text).ToListAsync());

        await SaveAsync("Thank you for the session.");
        await SaveAsync("Thank you for both sessions.");
        Assert.Equal(["Thank you for both sessions."], await StoredAsync());

        await SaveAsync("");
        Assert.Empty(await StoredAsync());
        var check = WebUtility.HtmlDecode(await client.GetStringAsync(QuestionnaireFixture.Url(programmeId, waveId, "/check")));
        Assert.DoesNotContain("Thank you for", check);
    }
}

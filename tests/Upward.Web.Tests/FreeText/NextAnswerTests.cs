using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.Programmes;
using Upward.Core.Themes;
using Upward.Web.Pages.FreeText;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.FreeText;

/// <summary>
/// "Mark as finished and go to the next answer" goes to the next unfinished answer in the list's order,
/// wrapping round, and back to the list with a message once none is left, even for a reopened answer.
/// </summary>
public sealed class NextAnswerTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task Looking_question_by_question_finds_the_next_unfinished_answer_in_the_whole_lists_order()
    {
        // The pilot: answers to several questions, each question's answers held together in the list.
        var id = await factory.PilotIdAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var answers = scope.ServiceProvider.GetRequiredService<FreeTextAnswers>();
        var every = await answers.ListAsync(id, withOriginals: false, CancellationToken.None);
        var order = every.Select(a => a.AnswerId).ToList();
        Assert.True(every.Select(a => (a.Stage, a.QuestionKey)).Distinct().Count() > 2, "the pilot has answers to several questions");
        var coder = await factory.WithDbAsync(db => db.Enrolments.Where(e => e.ProgrammeId == id && e.Role == ProgrammeRole.Researcher).Select(e => e.Id).FirstAsync());
        var random = new Random(20261206);
        for (var round = 0; round < 12; round++)
        {
            // From none finished to nearly all: the answer found question by question is the next unfinished one in the whole list.
            var finished = order.Where(_ => random.NextDouble() < round / 12.0).ToHashSet();
            await factory.WithDbAsync(async db =>
            {
                await db.CodingsFinished.Where(f => f.ProgrammeId == id && f.CoderEnrolmentId == coder).ExecuteDeleteAsync();
                await MarkFinishedAsync(id, coder, finished);
            });
            foreach (var current in every)
            {
                Assert.Equal(NextInList(order, current.AnswerId, finished.Contains),
                    await answers.NextUnfinishedAsync(id, current, coder, CancellationToken.None));
            }
        }
        await factory.WithDbAsync(db => db.CodingsFinished.Where(f => f.ProgrammeId == id && f.CoderEnrolmentId == coder).ExecuteDeleteAsync());
    }

    /// <summary>What "next" means: the first unfinished answer after the current one in the list, wrapping round to the start; never the current one.</summary>
    private static Guid? NextInList(IReadOnlyList<Guid> order, Guid current, Func<Guid, bool> isFinished)
    {
        var at = order.ToList().IndexOf(current);
        return order.Skip(at + 1).Concat(order.Take(at)).Where(id => !isFinished(id)).Select(id => (Guid?)id).FirstOrDefault();
    }

    [Fact]
    public async Task Finishing_goes_to_the_next_unfinished_answer_and_to_the_list_when_none_is_left()
    {
        var id = await factory.ProgrammeIdAsync();
        var researcher = await factory.AsAsync("researcher");
        var order = await ListOrderAsync(id);
        Assert.True(order.Count >= 4, $"the demo has {order.Count} free-text answers");
        var coder = await factory.EnrolmentIdAsync(ProgrammeRole.Researcher, "RE-01");

        // Everything finished except the first, second and fourth; the second is the one being coded.
        await MarkFinishedAsync(id, coder, order.Where((_, i) => i is not (0 or 1 or 3)));
        Assert.Equal(CodeUrl(id, order[3]), await FinishedGoesToAsync(researcher, id, order[1]));
        // From the last unfinished answer in the list it wraps round to the first one.
        Assert.Equal(CodeUrl(id, order[0]), await FinishedGoesToAsync(researcher, id, order[3]));

        // The coder reopens an answer after finishing the rest: finishing it again must not lead back to it.
        Assert.Equal($"/programmes/{id}/free-text?allFinished=true", await FinishedGoesToAsync(researcher, id, order[0]));
        await researcher.SubmitAsync(CodeUrl(id, order[2]), new Dictionary<string, string> { ["finished"] = "false" }, CodeUrl(id, order[2]) + "?handler=Finish");
        Assert.Contains("and go back to the answers", await researcher.GetStringAsync(CodeUrl(id, order[2])));
        var last = await FinishedGoesToAsync(researcher, id, order[2]);
        Assert.Equal($"/programmes/{id}/free-text?allFinished=true", last);
        Assert.Contains("You have finished coding all the answers", await researcher.GetStringAsync(last));
        Assert.Equal(order.Count, await factory.WithDbAsync(db => db.CodingsFinished.CountAsync(f => f.ProgrammeId == id && f.CoderEnrolmentId == coder)));
    }

    private static string CodeUrl(Guid programmeId, Guid answerId) => $"/programmes/{programmeId}/free-text/answers/{answerId}/code";

    private static async Task<string> FinishedGoesToAsync(HttpClient client, Guid programmeId, Guid answerId)
    {
        var response = await client.FinishAsync(programmeId, answerId);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private async Task<List<Guid>> ListOrderAsync(Guid programmeId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var answers = scope.ServiceProvider.GetRequiredService<FreeTextAnswers>();
        return (await answers.ListAsync(programmeId, withOriginals: false, CancellationToken.None)).Select(a => a.AnswerId).ToList();
    }

    private Task MarkFinishedAsync(Guid programmeId, Guid coder, IEnumerable<Guid> answerIds) => factory.WithDbAsync(async db =>
    {
        db.CodingsFinished.AddRange(answerIds.Select(a => new CodingFinished { ProgrammeId = programmeId, AnswerId = a, CoderEnrolmentId = coder, FinishedAtUtc = DateTime.UtcNow }));
        await db.SaveChangesAsync();
        return true;
    });
}

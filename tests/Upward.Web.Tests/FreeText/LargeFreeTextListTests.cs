using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Web.Pages.FreeText;
using Upward.Web.Tests.Evaluation;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.FreeText;

/// <summary>
/// A large programme's free-text list opens at its first question with answers, and says so: every question's
/// list is tens of thousands of answers there. Every question stays one choice away, and paging keeps the choice.
/// </summary>
public sealed class LargeFreeTextListTests(KeptEvaluationFactory factory) : IClassFixture<KeptEvaluationFactory>
{
    private static async Task<string> PageAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    private static List<Guid> ShownIds(string page) => [.. Regex.Matches(page, "<li id=\"answer-([0-9a-f-]{36})\"").Select(m => Guid.Parse(m.Groups[1].Value))];

    [Fact]
    public async Task The_list_opens_at_the_first_question_with_answers_and_every_question_is_one_choice_away()
    {
        var id = await factory.PilotIdAsync();
        IReadOnlyList<FreeTextAnswer> every;
        IReadOnlyList<FreeTextAnswers.Question> questions;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var answers = scope.ServiceProvider.GetRequiredService<FreeTextAnswers>();
            every = await answers.ListAsync(id, withOriginals: false, CancellationToken.None);
            questions = await answers.QuestionsAsync(id, CancellationToken.None);
        }
        var itemOf = await factory.WithDbAsync(db => db.Answers.Where(a => every.Select(e => e.AnswerId).Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.ItemId));
        // The first question in the filter's order that has an answer to read.
        var first = questions.First(q => itemOf.Values.Contains(q.ItemId)).ItemId;
        var itsAnswers = every.Where(a => itemOf[a.AnswerId] == first).Select(a => a.AnswerId).ToList();
        Assert.True(itsAnswers.Count < every.Count, "the pilot's answers are spread over more than one question");

        var researcher = await factory.AsAsync("researcher");
        var url = $"/programmes/{id}/free-text";
        var opened = await PageAsync(researcher, url);
        Assert.Contains("id=\"question-hint\"", opened);
        Assert.Matches($"<option value=\"{first}\" selected=\"selected\">", opened);
        Assert.Contains($"of {itsAnswers.Count:N0} answers to this question.", opened);
        Assert.Equal(itsAnswers.Take(IndexModel.PageSize).Order(), ShownIds(opened).Order());

        // Every question, chosen: every answer, and the pages after the first keep the choice.
        var all = await PageAsync(researcher, $"{url}?question={IndexModel.EveryQuestion}");
        Assert.DoesNotContain("id=\"question-hint\"", all);
        Assert.Contains($"of {every.Count:N0} answers, by stage and question.", all);
        if (every.Count > IndexModel.PageSize)
        {
            Assert.Contains($"question={IndexModel.EveryQuestion}", Regex.Match(all, "<nav[^>]*Pages of answers.*?</nav>", RegexOptions.Singleline).Value);
        }
        // "Show every answer" after a search means every question's, not the first question's.
        var searched = await PageAsync(researcher, $"{url}?search=zzzz-nothing");
        Assert.Contains($"free-text?question={IndexModel.EveryQuestion}\">Show every answer", searched);
        // A question that is not the programme's opens at the first question, as no choice does.
        Assert.Matches($"<option value=\"{first}\" selected=\"selected\">", await PageAsync(researcher, $"{url}?question={Guid.NewGuid()}"));
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.People;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
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

        // Every question, chosen: browsed from its first answer, uncounted, and the page after keeps the choice.
        var all = await PageAsync(researcher, $"{url}?question={IndexModel.EveryQuestion}");
        Assert.DoesNotContain("id=\"question-hint\"", all);
        Assert.Contains("Showing every question’s answers, 50 at a time, by stage and question.", all);
        Assert.Equal(every.Take(IndexModel.PageSize).Select(a => a.AnswerId), ShownIds(all));
        if (every.Count > IndexModel.PageSize)
        {
            Assert.Contains($"question={IndexModel.EveryQuestion}&after={every[IndexModel.PageSize - 1].AnswerId}", Regex.Match(all, "<nav[^>]*Pages of answers.*?</nav>", RegexOptions.Singleline).Value);
        }
        // "Show every answer" after a search means every question's, not the first question's.
        var searched = await PageAsync(researcher, $"{url}?search=zzzz-nothing");
        Assert.Contains($"free-text?question={IndexModel.EveryQuestion}\">Show every answer", searched);
        // A question that is not the programme's opens at the first question, as no choice does.
        Assert.Matches($"<option value=\"{first}\" selected=\"selected\">", await PageAsync(researcher, $"{url}?question={Guid.NewGuid()}"));
    }


    private async Task<BrowsedAnswers> BrowseAsync(Guid id, Guid? after, Guid? before, int pageSize)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FreeTextAnswers>().BrowseAsync(id, false, after, before, pageSize, CancellationToken.None);
    }

    [Fact]
    public async Task Browsing_every_question_forwards_or_back_reads_each_answer_that_may_be_read_once_in_the_lists_order()
    {
        var id = await factory.PilotIdAsync();
        // Someone who refused and then agreed again is read; someone who refused, or asked for erasure, is not. ListAsync
        // settles consent answer by answer from each participant's history, so it checks the browse's database test.
        await factory.WithDbAsync(async db =>
        {
            var codes = await db.Enrolments.Where(e => e.ProgrammeId == id && e.Role == ProgrammeRole.Mentor)
                .OrderBy(e => e.ParticipantCode).Select(e => e.Id).Take(3).ToListAsync();
            var at = DateTime.UtcNow;
            db.ConsentDecisions.Add(new() { EnrolmentId = codes[0], Purpose = ConsentPurpose.UseAnswersInEvaluation, TextVersion = 1, Given = false, DecidedAtUtc = at });
            db.ConsentDecisions.Add(new() { EnrolmentId = codes[0], Purpose = ConsentPurpose.UseAnswersInEvaluation, TextVersion = 1, Given = true, DecidedAtUtc = at.AddMinutes(1) });
            db.ConsentDecisions.Add(new() { EnrolmentId = codes[1], Purpose = ConsentPurpose.UseAnswersInEvaluation, TextVersion = 1, Given = false, DecidedAtUtc = at });
            var erased = await db.Enrolments.SingleAsync(e => e.Id == codes[2]);
            erased.Status = EnrolmentStatus.Withdrawn;
            erased.WithdrawalChoice = WithdrawalChoice.Erase;
            await db.SaveChangesAsync();
            return true;
        });
        var every = (await factory.EveryFreeTextAnswerAsync(id)).Select(a => a.AnswerId).ToList();
        // Pages small enough that many cross from one question to the next, and from one stage to the next.
        const int size = 3;
        Assert.True(every.Count > 5 * size, $"the pilot has {every.Count} answers, too few to browse");

        var forwards = new List<Guid>();
        var page = await BrowseAsync(id, null, null, size);
        Assert.Null(page.Previous);
        while (true)
        {
            Assert.InRange(page.Answers.Count, 1, size);
            forwards.AddRange(page.Answers.Select(a => a.AnswerId));
            if (page.Next is not { } next) break;
            Assert.Equal(page.Answers[^1].AnswerId, next);
            page = await BrowseAsync(id, next, null, size);
            Assert.Equal(page.Answers[0].AnswerId, page.Previous);
        }
        Assert.Equal(every, forwards);

        // Back from the last page to the first, page by page.
        var backwards = new List<Guid>(page.Answers.Select(a => a.AnswerId));
        while (page.Previous is { } previous)
        {
            page = await BrowseAsync(id, null, previous, size);
            Assert.Equal(previous, every[every.IndexOf(page.Answers[^1].AnswerId) + 1]);
            backwards.InsertRange(0, page.Answers.Select(a => a.AnswerId).Where(a => !backwards.Contains(a)));
        }
        Assert.Equal(every, backwards);
        Assert.Equal(every.Take(size), page.Answers.Select(a => a.AnswerId));

        // A place that is not one of the programme's answers starts at the first page; the last answer's "after", at the last.
        var otherProgramme = await factory.WithDbAsync(db => db.Answers.Where(a => db.Responses.Any(r => r.Id == a.ResponseId
            && db.Waves.Any(w => w.Id == r.WaveId && w.ProgrammeId != id)) && a.Text != null && a.Text != "").Select(a => a.Id).FirstAsync());
        foreach (var stranger in new[] { Guid.NewGuid(), otherProgramme })
        {
            Assert.Equal(every.Take(size), (await BrowseAsync(id, stranger, null, size)).Answers.Select(a => a.AnswerId));
            Assert.Equal(every.Take(size), (await BrowseAsync(id, null, stranger, size)).Answers.Select(a => a.AnswerId));
        }
        var last = await BrowseAsync(id, every[^1], null, size);
        Assert.Equal(every.TakeLast(size), last.Answers.Select(a => a.AnswerId));
        Assert.Null(last.Next);
    }

    [Fact]
    public async Task The_pages_link_back_and_forth_and_a_bad_place_shows_the_first_page()
    {
        var id = await factory.PilotIdAsync();
        var every = (await factory.EveryFreeTextAnswerAsync(id)).Select(a => a.AnswerId).ToList();
        // The demo's pilot has less than a page of answers, so the page is opened part-way through, after its tenth.
        Assert.InRange(every.Count, 12, IndexModel.PageSize);
        var researcher = await factory.AsAsync("researcher");
        var url = $"/programmes/{id}/free-text?question={IndexModel.EveryQuestion}";
        static string Nav(string page) => Regex.Match(page, "<nav[^>]*Pages of answers.*?</nav>", RegexOptions.Singleline).Value;
        static string Link(string page, string rel) => Regex.Match(Nav(page), $"href=\"([^\"]+)\" rel=\"{rel}\"").Groups[1].Value;

        var first = await PageAsync(researcher, url);
        Assert.Equal(every, ShownIds(first));
        Assert.Equal("", Nav(first));

        var later = await PageAsync(researcher, $"{url}&after={every[9]}");
        Assert.Equal(every.Skip(10), ShownIds(later));
        Assert.DoesNotContain("rel=\"next\"", Nav(later));
        Assert.Contains("Previous<span class=\"nhsuk-u-visually-hidden\"> answers</span>", Nav(later));
        Assert.EndsWith($"question={IndexModel.EveryQuestion}&before={every[10]}", Link(later, "prev"));
        // Fewer than a page lie before it, so "Previous" shows the first page, whole.
        Assert.Equal(every, ShownIds(await PageAsync(researcher, Link(later, "prev"))));

        foreach (var bad in new[] { "&after=abc", "&before=not-a-place", $"&before={Guid.NewGuid()}", "&after=&before=" })
        {
            var response = await researcher.GetAsync(url + bad);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(every, ShownIds(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())));
        }
    }
}

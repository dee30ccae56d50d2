using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Web.Pages.FreeText;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.FreeText;

/// <summary>The free-text list is read a page at a time, with search, so a programme of thousands stays quick.</summary>
public sealed class FreeTextListTests(DemoFactory factory) : IClassFixture<DemoFactory>
{

    /// <summary>The page's text with entities decoded (Razor encodes the quotation marks it writes).</summary>
    private static async Task<string> PageAsync(HttpClient client, string url) => System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(url));

    private static List<string> ShownIds(string page) => [.. Regex.Matches(page, "<li id=\"answer-([0-9a-f-]{36})\"").Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task Pages_hold_every_answer_once_in_the_lists_order_and_bad_page_numbers_show_the_nearest_page()
    {
        var id = await factory.PilotIdAsync();
        var every = await factory.EveryFreeTextAnswerAsync(id);
        Assert.True(every.Count > 10, $"the pilot has {every.Count} answers, not enough to page by ten");

        // Pages of ten from the database hold every answer exactly once.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var answers = scope.ServiceProvider.GetRequiredService<FreeTextAnswers>();
            var paged = new List<Guid>();
            var (firstPage, _) = await answers.PageAsync(id, false, 1, 10, null, null, CancellationToken.None);
            Assert.Equal(every.Count, firstPage.TotalItems);
            for (int n = 1; n <= firstPage.PageCount; n++)
            {
                var (page, shown) = await answers.PageAsync(id, false, n, 10, null, null, CancellationToken.None);
                Assert.Equal(n, page.Number);
                Assert.InRange(shown.Count, 1, 10);
                paged.AddRange(shown.Select(a => a.AnswerId));
            }
            // In the list's order too: pages of every question are found a question at a time, and many cross from one to the next.
            Assert.Equal(every.Select(a => a.AnswerId), paged);
            Assert.Equal(every.Count, paged.Distinct().Count());
        }

        // The page: how many there are, and any page number (bad, too large, not a number) gives a page.
        var researcher = await factory.AsAsync("researcher");
        var url = $"/programmes/{id}/free-text";
        var first = await researcher.GetStringAsync(url);
        Assert.Contains($"Showing 1 to {Math.Min(every.Count, IndexModel.PageSize)} of {every.Count:N0} answers", first);
        Assert.Equal(ShownIds(first), ShownIds(await researcher.GetStringAsync($"{url}?pageNumber=-4")));
        Assert.Equal(ShownIds(first).Count, ShownIds(await researcher.GetStringAsync($"{url}?pageNumber=9999")).Count);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await researcher.GetAsync($"{url}?pageNumber=abc")).StatusCode);
    }

    [Fact]
    public async Task Search_finds_answers_by_their_words_or_participant_code_and_says_when_nothing_matches()
    {
        var id = await factory.PilotIdAsync();
        var every = await factory.EveryFreeTextAnswerAsync(id);
        var researcher = await factory.AsAsync("researcher");
        var url = $"/programmes/{id}/free-text";

        var code = every[0].ParticipantCode;
        var byCode = await PageAsync(researcher, $"{url}?search={Uri.EscapeDataString(code.ToLowerInvariant())}");
        Assert.Equal(every.Where(a => a.ParticipantCode.Contains(code, StringComparison.OrdinalIgnoreCase) || a.Text.Contains(code, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.AnswerId.ToString()).Order(), ShownIds(byCode).Order());
        Assert.Contains($"matching ‘{code.ToLowerInvariant()}’", byCode);

        var word = every.Select(a => a.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).First(w => w.Length > 3)[2];
        var byWords = ShownIds(await PageAsync(researcher, $"{url}?search={Uri.EscapeDataString(word.ToUpperInvariant())}"));
        Assert.NotEmpty(byWords);
        Assert.All(byWords, shownId => Assert.Contains(every, a => a.AnswerId.ToString() == shownId
            && (a.Text.Contains(word, StringComparison.OrdinalIgnoreCase) || a.ParticipantCode.Contains(word, StringComparison.OrdinalIgnoreCase))));

        var none = await PageAsync(researcher, $"{url}?search=zzqqxx-no-such-words");
        Assert.Contains("No answer matches ‘zzqqxx-no-such-words’.", none);
        Assert.Empty(ShownIds(none));
    }

    [Fact]
    public async Task One_questions_answers_can_be_read_on_their_own_and_an_unknown_question_shows_every_answer()
    {
        var id = await factory.PilotIdAsync();
        var every = await factory.EveryFreeTextAnswerAsync(id);
        var researcher = await factory.AsAsync("researcher");
        var url = $"/programmes/{id}/free-text";
        var (question, carrying) = await factory.WithDbAsync(async db =>
        {
            var ids = every.Select(a => a.AnswerId).ToList();
            var byItem = await db.Answers.Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.ItemId }).ToListAsync();
            var busiest = byItem.GroupBy(a => a.ItemId).OrderByDescending(g => g.Count()).First();
            return (busiest.Key, busiest.Select(a => a.Id.ToString()).ToList());
        });
        Assert.True(carrying.Count < every.Count, "the pilot's answers are spread over more than one question");

        var page = await PageAsync(researcher, $"{url}?question={question}");
        Assert.Equal(carrying.Order(), ShownIds(page).Order());
        Assert.Contains($"of {carrying.Count:N0} answers to this question.", page);
        Assert.Matches($"<option value=\"{question}\" selected=\"selected\">", page);

        // With search, only that question's answers that match.
        var code = every.First(a => carrying.Contains(a.AnswerId.ToString())).ParticipantCode;
        var both = ShownIds(await PageAsync(researcher, $"{url}?question={question}&search={code}"));
        Assert.NotEmpty(both);
        Assert.All(both, shown => Assert.Contains(shown, carrying));

        // A question of no programme, or not an id at all, shows every answer rather than an error.
        Assert.Equal(Math.Min(every.Count, IndexModel.PageSize), ShownIds(await PageAsync(researcher, $"{url}?question={Guid.NewGuid()}")).Count);
        Assert.Equal(Math.Min(every.Count, IndexModel.PageSize), ShownIds(await PageAsync(researcher, $"{url}?question=not-a-question")).Count);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Web.Pages.FreeText;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.FreeText;

/// <summary>
/// A theme's quote candidates are read a page at a time (a theme of a large programme carries thousands),
/// the quote in force is shown whichever page it is on, and only an answer carrying the theme can be chosen.
/// </summary>
public sealed class QuoteCandidatesTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task Pages_of_candidates_hold_exactly_the_analysable_answers_carrying_the_theme()
    {
        var id = await factory.PilotIdAsync();
        var codings = await factory.WithDbAsync(db => db.Codings.Where(c => c.ProgrammeId == id).Select(c => new { c.ThemeId, c.AnswerId }).ToListAsync());
        await using var scope = factory.Services.CreateAsyncScope();
        var answers = scope.ServiceProvider.GetRequiredService<FreeTextAnswers>();
        var every = await answers.ListAsync(id, withOriginals: false, CancellationToken.None);

        foreach (var theme in codings.Select(c => c.ThemeId).Distinct())
        {
            var carrying = codings.Where(c => c.ThemeId == theme).Select(c => c.AnswerId).ToHashSet();
            var expected = every.Where(a => carrying.Contains(a.AnswerId)).Select(a => a.AnswerId).ToList();
            var paged = new List<Guid>();
            var (first, _) = await answers.CodedUnderAsync(id, theme, 1, 2, CancellationToken.None);
            Assert.Equal(expected.Count, first.TotalItems);
            for (var n = 1; n <= first.PageCount; n++)
            {
                var (_, shown) = await answers.CodedUnderAsync(id, theme, n, 2, CancellationToken.None);
                paged.AddRange(shown.Select(a => a.AnswerId));
            }
            // The list's order, each answer once.
            Assert.Equal(expected, paged);
        }
    }

    [Fact]
    public async Task The_quote_in_force_is_shown_and_an_answer_without_the_theme_cannot_be_chosen()
    {
        var id = await factory.PilotIdAsync();
        var (theme, quoted, elsewhere) = await factory.WithDbAsync(async db =>
        {
            var quote = await db.RepresentativeQuotes.Where(q => q.ProgrammeId == id).OrderBy(q => q.ThemeId).FirstAsync();
            var carrying = db.Codings.Where(c => c.ThemeId == quote.ThemeId).Select(c => c.AnswerId);
            var other = await db.Codings.Where(c => c.ProgrammeId == id && !carrying.Contains(c.AnswerId)).Select(c => c.AnswerId).FirstAsync();
            return (quote.ThemeId, quote.AnswerId, other);
        });
        var researcher = await factory.AsAsync("researcher");
        var url = $"/programmes/{id}/free-text/themes/{theme}/quote";

        var page = WebUtility.HtmlDecode(await researcher.GetStringAsync(url));
        var current = Regex.Match(page, "<div class=\"nhsuk-inset-text\" id=\"current-quote\">(.*?)</div>", RegexOptions.Singleline);
        Assert.True(current.Success, "the quote in force is shown");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var answer = await scope.ServiceProvider.GetRequiredService<FreeTextAnswers>().FindAsync(id, quoted, withOriginals: false, CancellationToken.None);
            Assert.Contains(answer!.ParticipantCode, current.Groups[1].Value);
            Assert.Contains(answer.Text, current.Groups[1].Value);
        }
        Assert.Matches($"value=\"{quoted}\" checked", page);

        // An answer coded only under other themes is not a candidate, whichever page was asked for.
        Assert.Equal(HttpStatusCode.NotFound, (await researcher.SubmitAsync($"{url}?pageNumber=2", new Dictionary<string, string> { ["AnswerId"] = elsewhere.ToString() })).StatusCode);
        Assert.Equal(quoted, await factory.WithDbAsync(db => db.RepresentativeQuotes.Where(q => q.ThemeId == theme).Select(q => q.AnswerId).SingleAsync()));
        // A bad page number shows the nearest page.
        Assert.Equal(HttpStatusCode.OK, (await researcher.GetAsync($"{url}?pageNumber=999")).StatusCode);
    }

    [Fact]
    public async Task Choosing_nothing_or_someone_who_did_not_agree_to_be_quoted_shows_the_error_with_the_candidates_and_changes_nothing()
    {
        var id = await factory.PilotIdAsync();
        // An answer coded under some theme whose author did not agree to be quoted (the pilot has one such participant).
        var every = await factory.EveryFreeTextAnswerAsync(id);
        var codings = await factory.WithDbAsync(db => db.Codings.Where(c => c.ProgrammeId == id).Select(c => new { c.ThemeId, c.AnswerId }).ToListAsync());
        var unquotable = every.Where(a => !a.MayQuote).Select(a => a.AnswerId).ToHashSet();
        var (theme, answer) = codings.Where(c => unquotable.Contains(c.AnswerId)).Select(c => (c.ThemeId, c.AnswerId)).First();
        var before = await factory.WithDbAsync(db => db.RepresentativeQuotes.Where(q => q.ThemeId == theme).Select(q => (Guid?)q.AnswerId).SingleOrDefaultAsync());
        var researcher = await factory.AsAsync("researcher");
        var url = $"/programmes/{id}/free-text/themes/{theme}/quote";

        foreach (var (fields, error) in new[]
        {
            (new Dictionary<string, string>(), "Select the answer to quote"),
            (new Dictionary<string, string> { ["AnswerId"] = answer.ToString() }, "did not agree to be quoted"),
        })
        {
            var response = await researcher.SubmitAsync(url, fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("nhsuk-error-summary", page);
            Assert.Contains(error, page);
            // The candidates are there to choose from again.
            Assert.Matches("name=\"AnswerId\" type=\"radio\"|type=\"radio\"[^>]*name=\"AnswerId\"", page);
        }
        Assert.Equal(before, await factory.WithDbAsync(db => db.RepresentativeQuotes.Where(q => q.ThemeId == theme).Select(q => (Guid?)q.AnswerId).SingleOrDefaultAsync()));
    }
}

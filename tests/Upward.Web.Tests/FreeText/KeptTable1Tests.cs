using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Upward.Core.People;
using Upward.Core.Themes;
using Upward.Web.Tests.Evaluation;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.FreeText;

/// <summary>
/// A large programme's Table 1 keeps its counts for minutes (they read every coded answer), says when they were
/// counted and can count again on request; its quotes are read on every view, so one the speaker may no longer
/// be quoted by goes at once. The download is always counted afresh.
/// </summary>
public sealed class KeptTable1Tests(KeptEvaluationFactory factory) : IClassFixture<KeptEvaluationFactory>
{
    private static string CountedAt(string page) => Regex.Match(page, "These counts were calculated at ([0-9:]+ on [0-9]+ [A-Za-z]+ [0-9]{4})").Groups[1].Value;

    /// <summary>The row of one theme: its counts by stage and its quote cell, as shown.</summary>
    private static string Row(string page, string theme) =>
        Regex.Match(WebUtility.HtmlDecode(page), $"<th scope=\"row\" class=\"nhsuk-table__header\">{Regex.Escape(theme)}</th>(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;

    [Fact]
    public async Task Counts_are_kept_for_minutes_and_counted_again_on_request_while_the_download_is_always_fresh()
    {
        var id = await factory.PilotIdAsync();
        var researcher = await factory.AsAsync("researcher");
        var url = $"/programmes/{id}/free-text/table";
        var first = await FreshlyCountedAsync(researcher, url);
        Assert.Contains("id=\"kept-figures\"", first);
        Assert.Matches("^[0-9]{2}:[0-9]{2} on [0-9]+ January 2027$", CountedAt(first));

        // Remove every coding of one theme: a kept table still counts them; the download and a recount do not.
        var theme = await factory.WithDbAsync(async db =>
        {
            var t = await db.Themes.Where(t => t.ProgrammeId == id && db.Codings.Any(c => c.ThemeId == t.Id)).OrderBy(t => t.Name).FirstAsync();
            db.Codings.RemoveRange(db.Codings.Where(c => c.ThemeId == t.Id));
            await db.SaveChangesAsync();
            return t.Name;
        });
        var before = Row(first, theme);
        Assert.Matches("nhsuk-table__cell--numeric\">[1-9]", before);

        factory.Clock!.Advance(TimeSpan.FromMinutes(4));
        var kept = await researcher.GetStringAsync(url);
        Assert.Equal(CountedAt(first), CountedAt(kept));
        Assert.Equal(Counts(before), Counts(Row(kept, theme)));
        var csv = await researcher.GetStringAsync($"{url}?handler=Csv");
        Assert.Matches($"(?m)^{Regex.Escape(theme)},[^\\n]*?(,0)+,", csv);

        var asked = await researcher.SubmitAsync(url, new Dictionary<string, string>(), $"{url}?handler=Recalculate");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var recounted = await researcher.GetStringAsync(url);
        Assert.NotEqual(CountedAt(first), CountedAt(recounted));
        Assert.DoesNotMatch("nhsuk-table__cell--numeric\">[1-9]", Row(recounted, theme));

        Assert.DoesNotContain("id=\"being-recounted\"", recounted);

        // Older than five minutes, the next view shows them at once and says newer counts are being made,
        // which the views after it are given.
        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        var stale = await researcher.GetStringAsync(url);
        Assert.Equal(CountedAt(recounted), CountedAt(stale));
        Assert.Contains("id=\"being-recounted\"", stale);
        for (var attempt = 0; CountedAt(await researcher.GetStringAsync(url)) == CountedAt(recounted); attempt++)
        {
            Assert.True(attempt < 300, "the background count did not finish within a minute");
            await Task.Delay(200);
        }
        Assert.DoesNotContain("id=\"being-recounted\"", await researcher.GetStringAsync(url));
    }

    [Fact]
    public async Task A_quote_goes_at_once_when_its_speaker_no_longer_agrees_to_be_quoted_even_while_counts_are_kept()
    {
        var id = await factory.PilotIdAsync();
        var researcher = await factory.AsAsync("researcher");
        var url = $"/programmes/{id}/free-text/table";
        var (theme, enrolment) = await factory.WithDbAsync(async db =>
        {
            var quote = await db.RepresentativeQuotes.Where(q => q.ProgrammeId == id && db.Codings.Any(c => c.ThemeId == q.ThemeId))
                .OrderBy(q => q.ThemeId).FirstAsync();
            var name = await db.Themes.Where(t => t.Id == quote.ThemeId).Select(t => t.Name).SingleAsync();
            var owner = await db.Answers.Where(a => a.Id == quote.AnswerId)
                .Join(db.Responses, a => a.ResponseId, r => r.Id, (a, r) => r.EnrolmentId).SingleAsync();
            return (name, owner);
        });
        var first = await FreshlyCountedAsync(researcher, url);
        Assert.Contains("Change the quote", Row(first, theme));
        var code = await factory.WithDbAsync(db => db.Enrolments.Where(e => e.Id == enrolment).Select(e => e.ParticipantCode).SingleAsync());
        Assert.Contains($"({code})", Row(first, theme));

        await factory.WithDbAsync(async db =>
        {
            var version = await db.ConsentDecisions.Where(d => d.EnrolmentId == enrolment && d.Purpose == ConsentPurpose.QuoteAnonymously)
                .OrderByDescending(d => d.DecidedAtUtc).Select(d => d.TextVersion).FirstAsync();
            db.ConsentDecisions.Add(new ConsentDecision
            {
                EnrolmentId = enrolment, Purpose = ConsentPurpose.QuoteAnonymously, TextVersion = version,
                DecidedAtUtc = factory.Clock!.GetUtcNow().UtcDateTime.AddMinutes(1), Given = false,
            });
            await db.SaveChangesAsync();
        });
        factory.Clock!.Advance(TimeSpan.FromMinutes(2));

        var after = await researcher.GetStringAsync(url);
        Assert.Equal(CountedAt(first), CountedAt(after));
        Assert.Contains("Choose a quote", Row(after, theme));
        Assert.DoesNotContain($"({code})", Row(after, theme));
        // The evaluation's kept Table 1 drops it at once too.
        var evaluation = WebUtility.HtmlDecode(await researcher.GetStringAsync($"/programmes/{id}/evaluation"));
        var themes = evaluation[evaluation.IndexOf("Themes in the free-text answers", StringComparison.Ordinal)..];
        Assert.DoesNotContain($"<td>{code}</td>", themes);
    }

    [Theory]
    [InlineData("mentor1")]
    [InlineData("mentee1")]
    [InlineData("coordinator")]
    public async Task Only_coders_can_ask_for_the_table_to_be_counted_again(string who)
    {
        var id = await factory.PilotIdAsync();
        var client = await factory.AsAsync(who);
        var token = await client.TokenAsync("/");
        var response = await client.PostAsync($"/programmes/{id}/free-text/table?handler=Recalculate",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        // Refused: sent to "access denied" when in the programme, or told it is not there when not.
        Assert.True(response.StatusCode == HttpStatusCode.NotFound
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/account/access-denied")),
            $"{who}: {response.StatusCode} {response.Headers.Location}");
    }

    /// <summary>The table counted for this view (the tests share one clock and one instance's kept counts).</summary>
    private static async Task<string> FreshlyCountedAsync(HttpClient researcher, string url)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await researcher.SubmitAsync(url, new Dictionary<string, string>(), $"{url}?handler=Recalculate")).StatusCode);
        return await researcher.GetStringAsync(url);
    }

    private static string Counts(string row) => string.Join(",", Regex.Matches(row, "numeric\">([0-9]+)<").Select(m => m.Groups[1].Value));
}

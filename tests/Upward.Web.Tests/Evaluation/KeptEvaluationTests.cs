using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Evaluation;

/// <summary>Upward with every programme counted as large, so its evaluation figures are kept between views.</summary>
public sealed class KeptEvaluationFactory : UpwardFactory
{
    public static readonly DateTimeOffset Start = new(2027, 1, 12, 10, 0, 0, TimeSpan.Zero);

    public KeptEvaluationFactory()
    {
        Demo = true;
        Clock = new FakeTimeProvider(Start);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Upward:Evaluation:KeepFromResponses", "0");
        builder.UseSetting("Upward:Evaluation:MaxAge", "00:05:00");
    }
}

public sealed class KeptEvaluationTests(KeptEvaluationFactory factory) : IClassFixture<KeptEvaluationFactory>
{
    private static string CalculatedAt(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "These figures were calculated at ([0-9:]+ on [^.]+)\\.").Groups[1].Value;

    [Fact]
    public async Task A_large_programmes_figures_are_kept_for_minutes_say_when_they_were_calculated_and_can_be_recalculated()
    {
        var id = await factory.ProgrammeIdAsync();
        var researcher = await factory.AsAsync("researcher");
        var url = $"/programmes/{id}/evaluation";

        var first = await researcher.GetStringAsync(url);
        Assert.Contains("id=\"kept-figures\"", first);
        Assert.Equal("10:00 on 12 January 2027", CalculatedAt(first));

        // Within five minutes every view (any reader's) is given the same figures.
        factory.Clock!.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal("10:00 on 12 January 2027", CalculatedAt(await researcher.GetStringAsync(url)));
        Assert.Equal("10:00 on 12 January 2027", CalculatedAt(await (await factory.AsAsync("coordinator")).GetStringAsync(url)));

        Assert.DoesNotContain("id=\"being-recalculated\"", first);

        // Older than that, the next view is not kept waiting: it shows them, says newer ones are on their way,
        // and they are calculated in the background for the views after it.
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var stale = await researcher.GetStringAsync(url);
        Assert.Equal("10:00 on 12 January 2027", CalculatedAt(stale));
        Assert.Contains("id=\"being-recalculated\"", stale);
        var later = await EventuallyAsync(researcher, url, page => CalculatedAt(page) == "10:06 on 12 January 2027");
        Assert.DoesNotContain("id=\"being-recalculated\"", later);
        Assert.Equal(Report(first), Report(later));

        // A reader who needs the latest answers now asks for it.
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var asked = await researcher.SubmitAsync(url, new Dictionary<string, string>(), $"{url}?handler=Recalculate");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal("10:07 on 12 January 2027", CalculatedAt(await researcher.GetStringAsync(url)));
    }

    [Theory]
    [InlineData("mentor1")]
    [InlineData("mentee1")]
    public async Task Only_readers_of_the_evaluation_can_ask_for_it_to_be_recalculated(string who)
    {
        var id = await factory.ProgrammeIdAsync();
        var client = await factory.AsAsync(who);
        var token = await client.TokenAsync($"/programmes/{id}");
        var response = await client.PostAsync($"/programmes/{id}/evaluation?handler=Recalculate",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString);
    }

    /// <summary>The page once <paramref name="done"/> holds of it: background work finishes in its own time.</summary>
    private static async Task<string> EventuallyAsync(HttpClient client, string url, Func<string, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            var page = await client.GetStringAsync(url);
            if (done(page)) return page;
            Assert.True(attempt < 300, "the background recalculation did not finish within a minute");
            await Task.Delay(200);
        }
    }

    /// <summary>The report's own markup, without the note that says when it was calculated.</summary>
    private static string Report(string page) => page[page.IndexOf("<div class=\"upward-report\">", StringComparison.Ordinal)..];
}

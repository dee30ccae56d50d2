using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.FreeText;

/// <summary>A coder's buttons pressed many times at once: each coding, mark and removal happens once, and none fails.</summary>
public sealed class RacingCodingTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private const int Copies = 10;

    [Fact]
    public async Task Applying_finishing_and_removing_at_once_each_happen_once()
    {
        var id = await factory.ProgrammeIdAsync();
        var researcher = await factory.AsAsync("researcher");
        var theme = await factory.OpenThemeAsync(researcher, id, "Racing theme");
        var answer = await factory.AnswerIdAsync("MR-02");
        var coder = await factory.WithDbAsync(db => db.Enrolments.Where(e => e.ProgrammeId == id && e.Role == ProgrammeRole.Researcher).Select(e => e.Id).SingleAsync());
        var url = $"/programmes/{id}/free-text/answers/{answer}/code";

        var applied = await researcher.SubmitAtOnceAsync(Copies, url, new Dictionary<string, string> { ["Apply.ThemeId"] = theme.ToString(), ["Apply.Words"] = "" });
        Assert.All(applied, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{(int)r.StatusCode}"));
        Assert.Contains(applied, r => r.StatusCode == HttpStatusCode.Redirect);
        var codings = await factory.WithDbAsync(db => db.Codings.Where(c => c.AnswerId == answer && c.ThemeId == theme).ToListAsync());
        Assert.Single(codings);

        var finished = await researcher.SubmitAtOnceAsync(Copies, url, new Dictionary<string, string> { ["finished"] = "true" }, url + "?handler=Finish");
        Assert.All(finished, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await factory.WithDbAsync(db => db.CodingsFinished.CountAsync(f => f.AnswerId == answer && f.CoderEnrolmentId == coder)));
        var unfinished = await researcher.SubmitAtOnceAsync(Copies, url, new Dictionary<string, string> { ["finished"] = "false" }, url + "?handler=Finish");
        Assert.All(unfinished, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(0, await factory.WithDbAsync(db => db.CodingsFinished.CountAsync(f => f.AnswerId == answer && f.CoderEnrolmentId == coder)));

        var removed = await researcher.SubmitAtOnceAsync(Copies, url, new Dictionary<string, string> { ["CodingId"] = codings[0].Id.ToString() }, url + "?handler=Remove");
        Assert.All(removed, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.NotFound, $"{(int)r.StatusCode}"));
        Assert.False(await factory.WithDbAsync(db => db.Codings.AnyAsync(c => c.Id == codings[0].Id)));
    }
}

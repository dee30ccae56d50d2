using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.Organisations;
using Upward.Data.Identity;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.FreeText;

/// <summary>No mentor, mentee or facilitator reaches any free-text page, by GET or POST; another organisation sees nothing.</summary>
public sealed class FreeTextAccessTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private async Task<IReadOnlyList<(string Get, string? PostHandler)>> PagesAsync(Guid id)
    {
        var answer = await factory.AnswerIdAsync("MR-01");
        var coordinator = await factory.AsAsync("researcher");
        var theme = await factory.OpenThemeAsync(coordinator, id, "Access test theme " + Guid.NewGuid().ToString("N")[..6]);
        var root = $"/programmes/{id}/free-text";
        return
        [
            (root, null),
            ($"{root}/answers/{answer}/redact", ""),
            ($"{root}/themes", ""),
            ($"{root}/themes/{theme}", ""),
            ($"{root}/themes/{theme}", "Merge"),
            ($"{root}/themes/{theme}/quote", ""),
            ($"{root}/answers/{answer}/code", ""),
            ($"{root}/answers/{answer}/code", "Open"),
            ($"{root}/answers/{answer}/code", "Remove"),
            ($"{root}/answers/{answer}/code", "Finish"),
            ($"{root}/agreement", "Settle"),
            ($"{root}/table", null),
            ($"{root}/table?handler=Csv", null),
        ];
    }

    [Theory]
    [InlineData("mentor1")]
    [InlineData("mentee1")]
    [InlineData("facilitator")]
    public async Task Mentors_mentees_and_facilitators_are_refused_every_page_and_handler(string who)
    {
        var id = await factory.ProgrammeIdAsync();
        var pages = await PagesAsync(id);
        var client = await factory.AsAsync(who);
        foreach (var (url, handler) in pages)
        {
            if (handler is null || handler == "")
            {
                var get = await client.GetAsync(url);
                Assert.True(get.StatusCode == HttpStatusCode.Redirect && get.Headers.Location!.OriginalString.Contains("/account/access-denied"), $"GET {url} gave {get.StatusCode}");
            }
            if (handler is not null)
            {
                var post = await client.SubmitAsync($"/programmes/{id}", new Dictionary<string, string> { ["Input.Name"] = "x", ["finished"] = "true" },
                    handler == "" ? url : $"{url}?handler={handler}");
                Assert.True(post.StatusCode == HttpStatusCode.Redirect && post.Headers.Location!.OriginalString.Contains("/account/access-denied"), $"POST {url} {handler} gave {post.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task Coordinators_redact_but_never_code_and_the_organisation_admin_sees_nothing()
    {
        var id = await factory.ProgrammeIdAsync();
        var coordinator = await factory.AsAsync("coordinator");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/programmes/{id}/free-text")).StatusCode);
        var code = await coordinator.GetAsync($"/programmes/{id}/free-text/themes");
        Assert.Contains("/account/access-denied", code.Headers.Location?.OriginalString);
        var admin = await factory.AsAsync("admin");
        Assert.Contains("/account/access-denied", (await admin.GetAsync($"/programmes/{id}/free-text")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Another_organisation_gets_not_found()
    {
        const string outsider = DemoPeople.OutsiderEmail;
        var id = await factory.ProgrammeIdAsync();
        var client = await factory.AsAsync(outsider);
        foreach (var page in new[] { "", "/themes", "/table", "/agreement", "/table?handler=Csv" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/programmes/{id}/free-text{page}")).StatusCode);
        }
    }
}

using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Web.Demo;

namespace Upward.Browser.Tests.PhaseOne;

/// <summary>
/// The willingness pages reshaped for programmes of thousands (issue 21): a mentor's paged form with its
/// search and filters, and the coordinator's lists of mentors and mentees with one person's answers,
/// checked with axe at desktop width and at a phone's 390 px, where nothing may be wider than the screen.
/// </summary>
public sealed class WillingnessPagesJourneyTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    private async Task<IPage> SignInAsync(string who, int width)
    {
        var page = await (await chromium.NewContextAsync(new() { BaseURL = upward.BaseUrl, Locale = "en-GB", ViewportSize = new() { Width = width, Height = 900 } })).NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoProgramme.EmailOf(who));
        await page.GetByLabel("Password").FillAsync(DemoProgramme.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        return page;
    }

    private static async Task AssertFitsAsync(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{what} is wider than the screen");

    private async Task<string> ProgrammeAsync(IPage page)
    {
        await page.GotoAsync("/");
        var href = await page.Locator("a[href^='/programmes/']").First.GetAttributeAsync("href");
        return href!.Split('/')[2];
    }

    [Theory]
    [InlineData(1280, "desktop")]
    [InlineData(390, "phone")]
    public async Task The_willingness_pages_pass_axe_and_fit_the_screen(int width, string name)
    {
        var mentor = await SignInAsync("mentor3", width);
        var programme = await ProgrammeAsync(mentor);
        await mentor.GotoAsync($"/programmes/{programme}/phase-one/willingness");
        Assert.Contains("You have answered about", await mentor.Locator("#progress").InnerTextAsync());
        await mentor.AssertNoViolationsAsync();
        await AssertFitsAsync(mentor, "the mentor's form");
        await mentor.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, $"willingness-mentor-{name}.png"), FullPage = true });

        await mentor.GetByRole(AriaRole.Link, new() { Name = "Answered no" }).ClickAsync();
        await mentor.Locator("#filters strong[aria-current='page']").WaitForAsync();
        await mentor.AssertNoViolationsAsync();
        await mentor.GetByLabel("Find a mentee by name or participant code").FillAsync("nobody-by-this-name");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await mentor.Locator("#nobody").WaitForAsync();
        await mentor.AssertNoViolationsAsync();

        var coordinator = await SignInAsync("coordinator", width);
        await coordinator.GotoAsync($"/programmes/{programme}/phase-one/willingness/all");
        Assert.Contains("mentors are willing to mentor every mentee", await coordinator.Locator("#headline").InnerTextAsync());
        await coordinator.AssertNoViolationsAsync();
        await AssertFitsAsync(coordinator, "the coordinator's list of mentors");
        await coordinator.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, $"willingness-mentors-{name}.png"), FullPage = true });

        await coordinator.Locator("#people a").Nth(3).ClickAsync();
        await coordinator.Locator("#answers").WaitForAsync();
        await coordinator.AssertNoViolationsAsync();
        await AssertFitsAsync(coordinator, "one mentor's answers");
        await coordinator.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, $"willingness-answers-{name}.png"), FullPage = true });

        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Mentees", Exact = true }).ClickAsync();
        await coordinator.Locator("#people").WaitForAsync();
        await coordinator.AssertNoViolationsAsync();
        await AssertFitsAsync(coordinator, "the coordinator's list of mentees");
    }
}

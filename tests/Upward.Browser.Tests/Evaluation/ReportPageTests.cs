using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Web.Demo;

namespace Upward.Browser.Tests.Evaluation;

public sealed class ReportPageTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_researcher_reads_the_pilot_evaluation_with_charts_and_no_accessibility_violations()
    {
        var page = await (await chromium.Browser.NewContextAsync(new() { BaseURL = upward.BaseUrl, Locale = "en-GB" })).NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoProgramme.EmailOf("researcher"));
        await page.GetByLabel("Password").FillAsync(DemoProgramme.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = DemoPilotEvaluation.Bundle().Programme.Name }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Evaluation" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Evaluation", Exact = true }).WaitForAsync();
        Assert.True(await page.Locator(".upward-report svg title").CountAsync() > 0);
        Assert.Contains("0.0625", await page.Locator("main").InnerTextAsync());
        await page.AssertNoViolationsAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "evaluation.png"), FullPage = false });
    }
}

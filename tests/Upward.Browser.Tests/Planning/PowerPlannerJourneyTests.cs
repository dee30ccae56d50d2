using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Web.Demo;

namespace Upward.Browser.Tests.Planning;

public sealed class PowerPlannerJourneyTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    [Fact]
    public async Task The_coordinator_plans_from_settings_corrects_a_mistake_and_reads_the_result_with_no_accessibility_violations()
    {
        var programmeId = await upward.WithDbAsync(db => db.Programmes.Where(p => p.Name == DemoProgramme.ProgrammeName).Select(p => p.Id).SingleAsync());
        var page = await chromium.SignInAsync(upward, "coordinator");
        await page.GotoAsync($"/programmes/{programmeId}/settings");
        await page.GetByRole(AriaRole.Link, new() { Name = "Plan how many people the evaluation needs" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "How many people the evaluation needs" }).WaitForAsync();
        await page.AssertNoViolationsAsync();

        await page.GetByLabel("Expected effect, in standard deviations").FillAsync("lots");
        await page.GetByRole(AriaRole.Button, new() { Name = "Work it out" }).ClickAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        await page.AssertNoViolationsAsync();

        await page.GetByLabel("Expected effect, in standard deviations").FillAsync("0.8");
        await page.GetByLabel("Random seed (optional)").FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Work it out" }).ClickAsync();
        await page.Locator("#plan").WaitForAsync();
        Assert.Equal("2026", await page.Locator("#seed").InnerTextAsync());
        Assert.Contains("mentors answering before and after: power", await page.Locator("#own-numbers").InnerTextAsync());
        await page.AssertNoViolationsAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "power-planner.png"), FullPage = true });
    }
}

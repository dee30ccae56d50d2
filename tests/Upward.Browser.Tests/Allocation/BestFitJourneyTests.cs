using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Web.Demo;

namespace Upward.Browser.Tests.Allocation;

/// <summary>A mentee says whom they would like to meet and what they do; best fit honours it; axe clean throughout.</summary>
public sealed class BestFitJourneyTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    private async Task<IPage> SignedInAsync(string who)
    {
        var page = await chromium.SignInAsync(upward, who);
        await page.GetByRole(AriaRole.Link, new() { Name = DemoProgramme.ProgrammeName }).ClickAsync();
        return page;
    }

    [Fact]
    public async Task A_mentees_wish_and_work_reach_the_coordinators_best_fit_preview()
    {
        var mentee = await SignedInAsync("mentee4");
        await mentee.GetByRole(AriaRole.Link, new() { Name = "Your work and interests (optional)" }).ClickAsync();
        await mentee.AssertNoViolationsAsync();
        await mentee.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "your-work.png"), FullPage = true });
        await mentee.GetByLabel("General surgery").CheckAsync();
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await mentee.Locator("#saved").WaitForAsync();

        await mentee.GetByRole(AriaRole.Link, new() { Name = "Back to the programme" }).ClickAsync();
        await mentee.GetByRole(AriaRole.Link, new() { Name = "Mentors you would like to meet" }).ClickAsync();
        await mentee.AssertNoViolationsAsync();
        await mentee.GetByLabel("Dr Amira Hassan").CheckAsync();
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await mentee.Locator("#saved").WaitForAsync();

        // Wishing for a mentor also on the other list is refused with the error summary.
        await mentee.GetByRole(AriaRole.Link, new() { Name = "Back to the programme" }).ClickAsync();
        await mentee.GetByRole(AriaRole.Link, new() { Name = "Mentors you would rather not meet" }).ClickAsync();
        await mentee.GetByLabel("Dr Amira Hassan").CheckAsync();
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await mentee.Locator(".nhsuk-error-summary").WaitForAsync();
        Assert.Contains("You also named Dr Amira Hassan", await mentee.Locator(".nhsuk-error-summary").InnerTextAsync());
        await mentee.AssertNoViolationsAsync();

        var coordinator = await SignedInAsync("coordinator");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Allocation" }).ClickAsync();
        await coordinator.GetByLabel("Best fit").CheckAsync();
        await coordinator.GetByLabel("A shared specialty").UncheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await coordinator.Locator("#preview").WaitForAsync();
        var menteeRow = coordinator.Locator("tr", new() { HasText = "Dr James Turner" });
        Assert.Contains("Dr Amira Hassan", await menteeRow.InnerTextAsync());
        Assert.Contains("the mentee asked to meet this mentor", await menteeRow.InnerTextAsync());
        Assert.False(await coordinator.GetByLabel("A shared specialty").IsCheckedAsync());
        await coordinator.AssertNoViolationsAsync();
        await coordinator.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "allocation-best-fit.png"), FullPage = true });
    }
}

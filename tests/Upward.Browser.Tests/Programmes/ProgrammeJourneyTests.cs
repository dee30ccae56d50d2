using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Web.Demo;

namespace Upward.Browser.Tests.Programmes;

public sealed class ProgrammeJourneyTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    [Fact]
    public async Task Admin_starts_a_clinical_feedback_programme_and_sets_it_up_with_every_page_accessible()
    {
        var context = await chromium.NewContextAsync(new() { BaseURL = upward.BaseUrl, Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoProgramme.EmailOf("admin"));
        await page.GetByLabel("Password").FillAsync(DemoProgramme.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Administration" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Start a programme" }).ClickAsync();
        await page.AssertNoViolationsAsync();

        // Submitting nothing shows the error summary, itself accessible.
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft programme" }).ClickAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        await page.AssertNoViolationsAsync();

        await page.GetByLabel("Programme name").FillAsync("Respiratory reverse mentoring 2027");
        await page.GetByLabel("Clinical feedback").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft programme" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Respiratory reverse mentoring 2027" }).WaitForAsync();
        Assert.Contains("Areas for improvement", await page.Locator("main").InnerTextAsync());
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Agreed time limit for a one-to-one session, in minutes").FillAsync("45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await page.Locator("#saved").WaitForAsync();
        Assert.Equal("45", await page.GetByLabel("Agreed time limit for a one-to-one session, in minutes").InputValueAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the programme" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "People and progress" }).ClickAsync();
        Assert.Contains("CO-01", await page.Locator("main").InnerTextAsync());
        await page.AssertNoViolationsAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "programme-people.png"), FullPage = true });
    }
}

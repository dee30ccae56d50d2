using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Web.Demo;

namespace Upward.Browser.Tests.Foundation;

public sealed class SignInJourneyTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    private async Task<IPage> NewPageAsync(int width = 1024)
    {
        var context = await chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = upward.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "en-GB",
        });
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task Home_and_sign_in_pages_have_no_accessibility_violations()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("Upward", await page.Locator(".nhsuk-header__service-name").InnerTextAsync());
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).First.ClickAsync();
        await page.WaitForURLAsync("**/account/sign-in");
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task A_demo_coordinator_signs_in_sees_the_programme_and_signs_out()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoProgramme.EmailOf("coordinator"));
        await page.GetByLabel("Password").FillAsync(DemoProgramme.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Your programmes" }).WaitForAsync();
        Assert.Contains("Signed in as Dr Priya Shah", await page.Locator("header").InnerTextAsync());
        Assert.Contains(DemoProgramme.ProgrammeName, await page.Locator("main").InnerTextAsync());
        await page.AssertNoViolationsAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "signed-in-home.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "You have signed out" }).WaitForAsync();
    }

    [Fact]
    public async Task Sign_in_errors_show_the_error_summary_and_stay_accessible()
    {
        var page = await NewPageAsync(width: 375);
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        var summary = page.Locator(".nhsuk-error-summary");
        await summary.WaitForAsync();
        Assert.Contains("Enter your email address", await summary.InnerTextAsync());
        await page.AssertNoViolationsAsync();

        // The summary's link takes keyboard users to the field.
        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter your email address" }).ClickAsync();
        Assert.Equal("Input-Email", await page.EvaluateAsync<string>("document.activeElement.id"));
    }
}

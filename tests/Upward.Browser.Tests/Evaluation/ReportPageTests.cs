using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Web.Demo;

namespace Upward.Browser.Tests.Evaluation;

public sealed class ReportPageTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_researcher_reads_the_pilot_evaluation_with_charts_and_no_accessibility_violations()
    {
        var page = await (await chromium.NewContextAsync(new() { BaseURL = upward.BaseUrl, Locale = "en-GB" })).NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoProgramme.EmailOf("researcher"));
        await page.GetByLabel("Password").FillAsync(DemoProgramme.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = DemoPilotEvaluation.Bundle().Programme.Name }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Evaluation", Exact = true }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Evaluation", Exact = true }).WaitForAsync();
        Assert.True(await page.Locator(".upward-report svg title").CountAsync() > 0);
        string main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("0.0625", main);
        // Mentors' confidence, 23 vs 29: the Hodges–Lehmann change beside the paper's p.
        Assert.Contains("+6 (95% CI +3 to +9)", main);
        await page.AssertNoViolationsAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "evaluation.png"), FullPage = false });
    }

    [Fact]
    public async Task The_administrator_imports_a_bundle_from_the_administration_page_and_it_opens_as_a_programme()
    {
        var bundle = Upward.Core.Bundles.BundleWriter.Write(DemoPilotEvaluation.Bundle());
        var page = await chromium.SignInAsync(upward, "admin");
        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import a research bundle as a new programme" }).ClickAsync();
        await page.AssertNoViolationsAsync();

        // Something that is not a bundle first: the error summary, axe clean.
        await page.GetByLabel("Upload a research bundle (.json)").SetInputFilesAsync(new FilePayload { Name = "notes.json", MimeType = "application/json", Buffer = "[]"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        await page.AssertNoViolationsAsync();

        await page.GetByLabel("Upload a research bundle (.json)").SetInputFilesAsync(new FilePayload { Name = "pilot.json", MimeType = "application/json", Buffer = bundle });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();
        await page.Locator("#imported").WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Evaluation", Exact = true }).ClickAsync();
        Assert.Contains("0.0625", await page.Locator("main").InnerTextAsync());
    }
}

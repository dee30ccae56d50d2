using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Web.Demo;

namespace Upward.Browser.Tests.FreeText;

public sealed class CodingJourneyTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_researcher_opens_two_themes_codes_answers_and_sees_table_1_update_with_every_page_accessible()
    {
        var context = await chromium.NewContextAsync(new() { BaseURL = upward.BaseUrl, Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoProgramme.EmailOf("researcher"));
        await page.GetByLabel("Password").FillAsync(DemoProgramme.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = DemoProgramme.ProgrammeName }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Read and code free-text answers" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Free-text answers", Level = 1 }).WaitForAsync();
        await page.AssertNoViolationsAsync();
        var answers = page.Url;

        // Mask a name before coding.
        await page.GetByRole(AriaRole.Link, new() { Name = "Redact the answer from MR-04" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mask these words" }).ClickAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Words to mask").FillAsync("Dr Lee\nWard 7");
        await page.GetByLabel("Keep it for the coordinator only").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mask these words" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Free-text answers", Level = 1 }).WaitForAsync();
        Assert.DoesNotContain("Dr Lee", await page.Locator("main").InnerTextAsync());

        // First theme, opened while reading MR-01's comment.
        await page.GetByRole(AriaRole.Link, new() { Name = "Code the answer from MR-01" }).First.ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("A different perspective");
        await page.GetByLabel("The words it applies to (optional)").FillAsync("a different perspective");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open theme and apply it" }).ClickAsync();
        await page.Locator("#my-codings", new() { HasText = "A different perspective" }).WaitForAsync();
        await page.AssertNoViolationsAsync();

        // Second theme on the same answer; a passage that is not in the answer is refused first.
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Hierarchy");
        await page.GetByLabel("The words it applies to (optional)").FillAsync("words nobody wrote");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open theme and apply it" }).ClickAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("The words it applies to (optional)").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open theme and apply it" }).ClickAsync();
        await page.Locator("#my-codings", new() { HasText = "Hierarchy" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as finished and go to the next answer" }).ClickAsync();

        await page.GotoAsync("/programmes/" + ProgrammeId(answers) + "/free-text/table");
        await page.AssertNoViolationsAsync();
        Assert.Equal("1", await AfterPhaseOneAsync(page, "Hierarchy"));
        Assert.Equal("1", await AfterPhaseOneAsync(page, "A different perspective"));

        // Code MR-04's masked answer with an existing theme; Table 1 counts two participants.
        await page.GotoAsync(answers);
        await page.GetByRole(AriaRole.Link, new() { Name = "Code the answer from MR-04" }).ClickAsync();
        await page.GetByLabel("Hierarchy").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply theme" }).ClickAsync();
        await page.Locator("#my-codings", new() { HasText = "Hierarchy" }).WaitForAsync();
        await page.AssertNoViolationsAsync();
        await page.GotoAsync("/programmes/" + ProgrammeId(answers) + "/free-text/table");
        Assert.Equal("2", await AfterPhaseOneAsync(page, "Hierarchy"));

        // A representative quote, then the codebook, a theme and the agreement page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Choose a quote for Hierarchy" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("MR-04:", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this quote" }).ClickAsync();
        Assert.Contains("(MR-04)", await page.Locator("#themes-table").InnerTextAsync());
        await page.AssertNoViolationsAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "free-text-table-1.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Codebook" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Hierarchy" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the codebook" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Agreement between coders" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        Assert.DoesNotContain("Dr ", await page.Locator("main").InnerTextAsync());
    }

    private static string ProgrammeId(string answersUrl) => answersUrl.Split("/programmes/")[1].Split('/')[0];

    private static async Task<string> AfterPhaseOneAsync(IPage page, string theme)
    {
        var row = page.Locator("#themes-table tbody tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = theme, Exact = true }) });
        // Columns: before phase 1, after phase 1, ...
        return (await row.Locator("td").Nth(1).InnerTextAsync()).Trim();
    }
}

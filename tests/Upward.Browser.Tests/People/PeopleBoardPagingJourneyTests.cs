using System.Text;
using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Web.Demo;

namespace Upward.Browser.Tests.People;

/// <summary>
/// A coordinator with more people than the board shows on one page: moves to page 2 with the NHS.UK
/// pagination and finds one person with the search box. axe on each page.
/// </summary>
public sealed class PeopleBoardPagingJourneyTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    [Fact]
    public async Task Coordinator_pages_through_the_board_and_finds_one_person()
    {
        var admin = await (await chromium.NewContextAsync(new() { BaseURL = upward.BaseUrl, Locale = "en-GB" })).NewPageAsync();
        await admin.GotoAsync("/account/sign-in");
        await admin.GetByLabel("Email address").FillAsync(DemoProgramme.EmailOf("admin"));
        await admin.GetByLabel("Password").FillAsync(DemoProgramme.Password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await admin.GotoAsync("/programmes/new");
        await admin.GetByLabel("Programme name").FillAsync("Paged board programme");
        await admin.GetByLabel("Clinical feedback").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create draft programme" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "People and progress" }).ClickAsync();

        var csv = new StringBuilder("email,name,role\n");
        for (var i = 1; i <= 60; i++) csv.Append($"paged.person{i:00}@example.nhs.uk,Paged Person {i:00},{(i % 2 == 0 ? "mentor" : "mentee")}\n");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Invite people from a CSV file" }).ClickAsync();
        await admin.GetByLabel("Upload a CSV file").SetInputFilesAsync(new FilePayload { Name = "people.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Check and invite" }).ClickAsync();
        await admin.Locator("#invited").WaitForAsync();

        // The 60 invited, and whoever the programme already has (its creator, as coordinator).
        var shown = System.Text.RegularExpressions.Regex.Match(await admin.Locator("#shown").InnerTextAsync(), @"Showing 1 to 50 of (\d+)");
        Assert.True(shown.Success);
        var total = int.Parse(shown.Groups[1].Value);
        Assert.InRange(total, 60, 62);
        await admin.AssertNoViolationsAsync();

        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Pages of participants" }).GetByRole(AriaRole.Link, new() { Name = "Page 2" }).ClickAsync();
        Assert.Contains($"Showing 51 to {total} of {total}", await admin.Locator("#shown").InnerTextAsync());
        Assert.Equal(total - 50, await admin.Locator("tbody tr").CountAsync());
        await admin.AssertNoViolationsAsync();

        await admin.GetByLabel("Find someone by name or participant code").FillAsync("paged person 07");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        Assert.Contains("Showing 1 to 1 of 1", await admin.Locator("#shown").InnerTextAsync());
        Assert.Contains("Paged Person 07", await admin.Locator("tbody").InnerTextAsync());
        await admin.AssertNoViolationsAsync();
    }
}

using System.Text;
using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Web.Demo;

namespace Upward.Browser.Tests.People;

/// <summary>
/// A coordinator starts a Clinical feedback programme and imports 6 mentors and 5 mentees; a mentor
/// gets the invitation the administrator finds in the Outbox, signs up and consents. axe on every page.
/// </summary>
public sealed class RecruitmentJourneyTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    private async Task<IPage> NewPageAsync() =>
        await (await chromium.NewContextAsync(new() { BaseURL = upward.BaseUrl, Locale = "en-GB" })).NewPageAsync();

    [Fact]
    public async Task Coordinator_imports_people_and_a_mentor_joins_from_the_invitation()
    {
        var admin = await NewPageAsync();
        await admin.GotoAsync("/account/sign-in");
        await admin.GetByLabel("Email address").FillAsync(DemoProgramme.EmailOf("admin"));
        await admin.GetByLabel("Password").FillAsync(DemoProgramme.Password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await admin.GotoAsync("/programmes/new");
        await admin.GetByLabel("Programme name").FillAsync("Cardiology reverse mentoring");
        await admin.GetByLabel("Clinical feedback").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create draft programme" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "People and progress" }).ClickAsync();
        await admin.AssertNoViolationsAsync();

        await admin.GetByRole(AriaRole.Link, new() { Name = "Invite people from a CSV file" }).ClickAsync();
        await admin.AssertNoViolationsAsync();
        var csv = new StringBuilder("email,name,role\n");
        for (var i = 1; i <= 6; i++) csv.Append($"cardio.mentor{i}@example.nhs.uk,Dr Cardio Mentor {i},mentor\n");
        for (var i = 1; i <= 5; i++) csv.Append($"cardio.mentee{i}@example.nhs.uk,Dr Cardio Mentee {i},mentee\n");

        // A wrong file first: the error summary lists the line, and nothing is imported.
        await admin.GetByLabel("Upload a CSV file").SetInputFilesAsync(new FilePayload { Name = "bad.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("email,name,role\nnot-an-email,Dr X,mentor\n") });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Check and invite" }).ClickAsync();
        await admin.Locator(".nhsuk-error-summary").WaitForAsync();
        Assert.Contains("Line 2", await admin.Locator("main").InnerTextAsync());
        await admin.AssertNoViolationsAsync();

        await admin.GetByLabel("Upload a CSV file").SetInputFilesAsync(new FilePayload { Name = "people.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Check and invite" }).ClickAsync();
        await admin.Locator("#invited").WaitForAsync();
        Assert.Contains("11 invitations have been sent", await admin.Locator("#invited").InnerTextAsync());
        await admin.AssertNoViolationsAsync();

        // No email server: the administrator finds the invitation in the Outbox and passes its link on.
        var peoplePage = admin.Url;
        await admin.GotoAsync("/admin");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Outbox" }).ClickAsync();
        await admin.AssertNoViolationsAsync();
        await admin.Locator("tr", new() { HasText = "cardio.mentor2@example.nhs.uk" }).GetByRole(AriaRole.Link).ClickAsync();
        await admin.AssertNoViolationsAsync();
        var link = await admin.Locator("main a[href*=\"/invitations/\"]").GetAttributeAsync("href");
        var mentor = await NewPageAsync();
        await mentor.GotoAsync(link!);

        await mentor.GetByRole(AriaRole.Heading, new() { Name = "Join Cardiology reverse mentoring" }).WaitForAsync();
        await mentor.AssertNoViolationsAsync();
        await mentor.GetByLabel("Create a password").FillAsync("a mentor's long password");
        await mentor.GetByLabel("Confirm your password").FillAsync("a mentor's long password");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Create account and accept" }).ClickAsync();

        await mentor.GetByRole(AriaRole.Heading, new() { Name = "What you agree to" }).WaitForAsync();
        await mentor.AssertNoViolationsAsync();
        await mentor.GetByRole(AriaRole.Group, new() { Name = "Do you agree to take part in this programme?" }).GetByLabel("Yes").CheckAsync();
        await mentor.GetByRole(AriaRole.Group, new() { Name = "Can your answers be used in the programme's evaluation?" }).GetByLabel("Yes").CheckAsync();
        await mentor.GetByRole(AriaRole.Group, new() { Name = "Can we quote your written answers anonymously?" }).GetByLabel("No").CheckAsync();
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Save my answers" }).ClickAsync();

        await mentor.Locator("#consented").WaitForAsync();
        await mentor.AssertNoViolationsAsync();
        await mentor.GetByRole(AriaRole.Link, new() { Name = "What Upward holds about you" }).ClickAsync();
        // Codes are given in the order people join, so the first mentor to join is MR-01.
        Assert.Contains("MR-01", await mentor.Locator("main").InnerTextAsync());
        await mentor.AssertNoViolationsAsync();

        await admin.GotoAsync(peoplePage);
        Assert.Contains("1 mentor and 0 mentees have agreed to take part", await admin.Locator("main").InnerTextAsync());
        await admin.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "people-board.png"), FullPage = true });
    }
}

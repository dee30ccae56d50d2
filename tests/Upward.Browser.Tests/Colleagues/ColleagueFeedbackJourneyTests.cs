using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Browser.Tests.Colleagues;

/// <summary>
/// 360° input in a browser: the coordinator turns it on; a mentee invites three colleagues on a
/// phone; each colleague, signed out on a phone, opens the emailed link, answers once and cannot
/// use the link again; the mentee then reads the three comments. axe clean throughout.
/// </summary>
public sealed partial class ColleagueFeedbackJourneyTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    [Fact]
    public async Task Colleagues_answer_on_their_phones_and_the_mentee_reads_them_once_k_have()
    {
        var coordinator = await chromium.SignInAsync(upward, "coordinator");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = DemoProgramme.ProgrammeName }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Preparation and readiness" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Change the preparation, safeguarding and certificate settings" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Group, new() { Name = "May mentees invite colleagues to give anonymous feedback?" }).GetByLabel("Yes").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await coordinator.Locator("#saved").WaitForAsync();
        await coordinator.AssertNoViolationsAsync();

        var mentee = await chromium.SignInAsync(upward, "mentee1", phone: true);
        await mentee.GotoAsync($"/programmes/{await upward.ProgrammeIdAsync()}/feedback");
        await mentee.GetByRole(AriaRole.Link, new() { Name = "Invite colleagues and read their anonymous feedback" }).ClickAsync();
        await mentee.AssertNoViolationsAsync();
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await mentee.Locator(".nhsuk-error-summary").WaitForAsync();
        await mentee.AssertNoViolationsAsync();
        var colleagues = new[] { "theatre.nurse@demo.example", "registrar@demo.example", "secretary@demo.example" };
        foreach (var email in colleagues)
        {
            await mentee.GetByLabel("Your colleague's email address").FillAsync(email);
            await mentee.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
            await mentee.Locator("#sent").WaitForAsync();
        }
        Assert.Contains("Fewer than 3 have answered", await mentee.Locator("#counts").InnerTextAsync());
        await mentee.AssertNoViolationsAsync();

        for (var i = 0; i < colleagues.Length; i++)
        {
            var message = upward.Sent().Last(m => m.To.Mailboxes.Any(b => b.Address == colleagues[i]));
            var link = Forms.LinkIn(message.TextBody, "/colleague-feedback/");
            var context = await chromium.NewContextAsync(new() { BaseURL = upward.BaseUrl, Locale = "en-GB", ViewportSize = new() { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true });
            var colleague = await context.NewPageAsync();
            await colleague.GotoAsync(link);
            await colleague.GetByRole(AriaRole.Heading, new() { NameRegex = AnonymousFeedbackFor() }).WaitForAsync();
            await colleague.AssertNoViolationsAsync();
            if (i == 0)
            {
                await colleague.GetByRole(AriaRole.Button, new() { Name = "Send without my name" }).ClickAsync();
                await colleague.Locator(".nhsuk-error-summary").WaitForAsync();
                await colleague.AssertNoViolationsAsync();
                await colleague.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "colleague-feedback-phone.png"), FullPage = true });
            }
            await colleague.Locator("textarea").First.FillAsync($"Colleague {i + 1}: always makes time to explain the plan to the whole team.");
            await colleague.GetByRole(AriaRole.Button, new() { Name = "Send without my name" }).ClickAsync();
            await colleague.GetByRole(AriaRole.Heading, new() { Name = "Your feedback has been sent" }).WaitForAsync();
            await colleague.AssertNoViolationsAsync();
            await colleague.GotoAsync(link);
            await colleague.GetByRole(AriaRole.Heading, new() { Name = "This link has been used" }).WaitForAsync();
            await colleague.AssertNoViolationsAsync();
            await context.CloseAsync();
        }

        await mentee.ReloadAsync();
        Assert.Contains("3 have answered", await mentee.Locator("#counts").InnerTextAsync());
        var comments = await mentee.Locator("#comments").InnerTextAsync();
        for (var i = 1; i <= 3; i++) Assert.Contains($"Colleague {i}: always makes time", comments);
        await mentee.AssertNoViolationsAsync();
    }

    [GeneratedRegex("^Anonymous feedback for ")]
    private static partial Regex AnonymousFeedbackFor();
}

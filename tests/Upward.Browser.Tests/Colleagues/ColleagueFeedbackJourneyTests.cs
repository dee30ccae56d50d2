using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Browser.Tests.Colleagues;

/// <summary>
/// 360° input in a browser: the coordinator turns it on; a mentee asks for three colleagues on a
/// phone; the coordinator approves them (the email goes only then); each colleague, signed out on a phone, opens the emailed link, answers once and cannot
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
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        await mentee.Locator(".nhsuk-error-summary").WaitForAsync();
        await mentee.AssertNoViolationsAsync();
        var colleagues = new[] { "theatre.nurse@demo.example", "registrar@demo.example", "secretary@demo.example" };
        var names = new[] { "Theo Theatre", "Rae Registrar", "Sue Secretary" };
        for (var i = 0; i < colleagues.Length; i++)
        {
            await mentee.GetByLabel("Your colleague's name").FillAsync(names[i]);
            await mentee.GetByLabel("How they work with you").FillAsync("Works with me in theatre");
            await mentee.GetByLabel("Their work email address").FillAsync(colleagues[i]);
            await mentee.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
            await mentee.Locator("#sent").WaitForAsync();
        }
        Assert.Equal(3, await mentee.Locator("#invited").GetByText("Waiting for the coordinator to approve").CountAsync());
        Assert.DoesNotContain(upward.Sent(), m => m.To.Mailboxes.Any(b => colleagues.Contains(b.Address)));
        await mentee.AssertNoViolationsAsync();
        await mentee.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "colleague-requests-mentee-phone.png"), FullPage = true });

        // The coordinator finds the requests from the programme's task list, and approves each.
        await coordinator.GotoAsync($"/programmes/{await upward.ProgrammeIdAsync()}");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Colleagues to approve for 360° feedback" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Heading, new() { Name = "Colleagues to approve", Exact = true }).WaitForAsync();
        await coordinator.AssertNoViolationsAsync();
        await coordinator.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "colleague-requests-coordinator.png"), FullPage = true });
        foreach (var name in names)
        {
            await coordinator.Locator(".nhsuk-card", new() { HasText = name }).GetByRole(AriaRole.Button, new() { NameRegex = ApproveAndSend() }).ClickAsync();
            await coordinator.Locator("#done").WaitForAsync();
        }
        await coordinator.AssertNoViolationsAsync();
        await mentee.ReloadAsync();
        Assert.Contains("Fewer than 3 have answered", await mentee.Locator("#counts").InnerTextAsync());
        Assert.Equal(3, await mentee.Locator("#invited").GetByText("Invitation sent").CountAsync());

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

        // The facilitator reads the three comments before the mentee sees them.
        var facilitator = await chromium.SignInAsync(upward, "facilitator");
        await facilitator.GotoAsync($"/programmes/{await upward.ProgrammeIdAsync()}");
        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Colleagues' feedback to read" }).ClickAsync();
        Assert.Equal(3, await facilitator.GetByText("always makes time to explain the plan").CountAsync());
        await facilitator.AssertNoViolationsAsync();
        await facilitator.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "colleague-feedback-review.png"), FullPage = true });
        await facilitator.GetByRole(AriaRole.Button, new() { NameRegex = ShowThese() }).ClickAsync();
        await facilitator.Locator("#done").WaitForAsync();

        await mentee.ReloadAsync();
        Assert.Contains("3 have answered", await mentee.Locator("#counts").InnerTextAsync());
        var comments = await mentee.Locator("#comments").InnerTextAsync();
        for (var i = 1; i <= 3; i++) Assert.Contains($"Colleague {i}: always makes time", comments);
        await mentee.AssertNoViolationsAsync();
    }

    [GeneratedRegex("^Show these 3 comments to ")]
    private static partial Regex ShowThese();

    [GeneratedRegex("^Approve and send")]
    private static partial Regex ApproveAndSend();

    [GeneratedRegex("^Anonymous feedback for ")]
    private static partial Regex AnonymousFeedbackFor();
}

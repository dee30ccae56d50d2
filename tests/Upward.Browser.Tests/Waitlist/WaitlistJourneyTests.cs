using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Core.Designs;
using Upward.Web.Tests.Waitlist;

namespace Upward.Browser.Tests.Waitlist;

/// <summary>
/// The waitlist path in a real browser: the coordinator chooses the design, randomises from a seed and
/// releases the arms; a mentee of the later arm then reads what their arm means. Every page checked with axe.
/// </summary>
public sealed class WaitlistJourneyTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    [Fact]
    public async Task The_coordinator_randomises_and_releases_and_a_later_arm_mentee_reads_their_arm_with_no_accessibility_violations()
    {
        var id = await WaitlistProgramme.CreateAsync(upward, "Waitlist journey");
        var page = await chromium.SignInAsync(upward, "coordinator");

        await page.GotoAsync($"/programmes/{id}/analysis-plan");
        await page.GetByLabel("Waitlist control: start now or later, by randomisation").CheckAsync();
        // A mentors' score cannot be a waitlist's primary outcome: the error summary says why.
        await page.GetByRole(AriaRole.Group, new() { Name = "Primary outcome" }).GetByLabel("Mentors’ confidence, before to after").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the analysis plan" }).ClickAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Waitlist control: start now or later, by randomisation").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Primary outcome" }).GetByLabel("Mentees’ awareness, before to after").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the analysis plan" }).ClickAsync();
        await page.Locator("#saved").WaitForAsync();

        await page.GotoAsync($"/programmes/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Start now or later: the waitlist control's randomisation" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Start now or later" }).WaitForAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Random seed (optional)").FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Randomise the mentees" }).ClickAsync();
        await page.Locator("#arms").WaitForAsync();
        Assert.Equal("2026", await page.Locator("#seed").InnerTextAsync());
        Assert.Contains("3 start now, 3 start later", await page.Locator("#arms caption").InnerTextAsync());
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tell the mentees whether they start now or later" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the later arm" }).WaitForAsync();
        await page.AssertNoViolationsAsync();
        await BothWidthsAsync(page, "waitlist-released");

        // A mentee of the later arm reads which arm and what it means, and is asked the before questionnaire again.
        string later = "";
        foreach (var who in WaitlistProgramme.Mentees)
        {
            var enrolment = await WaitlistProgramme.EnrolmentAsync(upward, id, who);
            if (await upward.WithDbAsync(db => db.ArmAssignments.Where(a => a.EnrolmentId == enrolment.Id).Select(a => a.Arm).SingleAsync()) == Arm.StartLater)
            {
                later = who;
                break;
            }
        }
        var mentee = await chromium.SignInAsync(upward, later);
        await mentee.GotoAsync($"/programmes/{id}");
        Assert.Contains("When you start: start later", await mentee.Locator("#your-arm").InnerTextAsync());
        Assert.Contains("Before, again (end of waiting) questionnaire", await mentee.Locator("#your-part").InnerTextAsync());
        await BothWidthsAsync(mentee, "waitlist-mentee-arm");

        // The same mentee was told by notification (and email): their own arm in plain words, nothing of anyone else's.
        await mentee.GotoAsync("/notifications");
        var told = mentee.Locator(".nhsuk-card", new() { HasText = "When you start: Waitlist journey" });
        Assert.Contains("you start later, after a waiting period", await told.InnerTextAsync());
        Assert.Contains("You will be asked the before questionnaire again then", await told.InnerTextAsync());
        await BothWidthsAsync(mentee, "waitlist-mentee-told");

        // The coordinator starts the later arm: "Before, again" is on the timeline from today.
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the later arm" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the later arm" }).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.GotoAsync($"/programmes/{id}/timeline");
        Assert.Contains("Before, again (end of waiting) questionnaires", await page.Locator("#timeline").InnerTextAsync());
        Assert.Contains(Upward.Web.Pages.Notifications.Dates.Long(DateOnly.FromDateTime(DateTime.UtcNow)), await page.Locator("#timeline").InnerTextAsync());
        await BothWidthsAsync(page, "waitlist-timeline");

        // Once both arms have answered, the report leads with the arms' change compared, with the Hodges–Lehmann shift.
        await WaitlistProgramme.AnswerByArmAsync(upward, id, nowAfter: [3, 4, 5], laterAgain: [3, 3, 4]);
        var researcher = await chromium.SignInAsync(upward, "researcher");
        await researcher.GotoAsync($"/programmes/{id}/evaluation");
        var primary = await researcher.Locator("section", new() { Has = researcher.GetByRole(AriaRole.Heading, new() { Name = "Primary outcome" }) }).InnerTextAsync();
        Assert.Contains("compared between the arms (waitlist control)", primary);
        Assert.Contains("by the Hodges–Lehmann shift", primary);
        Assert.Contains("Within each arm:", primary);
        await BothWidthsAsync(researcher, "waitlist-report");
    }

    private static async Task BothWidthsAsync(IPage page, string name)
    {
        await page.AssertNoViolationsAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, $"{name}.png"), FullPage = true });
        var desktop = page.ViewportSize;
        await page.SetViewportSizeAsync(390, 844);
        await page.AssertNoViolationsAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, $"{name}-phone.png"), FullPage = true });
        await page.SetViewportSizeAsync(desktop?.Width ?? 1280, desktop?.Height ?? 720);
    }
}

using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Web.Demo;

namespace Upward.Browser.Tests.Programmes;

/// <summary>
/// The programme page as each role meets it on the demo: a task list with its statuses, the next
/// action, and nothing another role's, checked with axe on a desktop and on a phone.
/// </summary>
public sealed class TaskListJourneyTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    private async Task<IPage> ProgrammePageAsync(string who, bool phone = false)
    {
        var page = await chromium.SignInAsync(upward, who, phone);
        await page.GetByRole(AriaRole.Link, new() { Name = DemoProgramme.ProgrammeName, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = DemoProgramme.ProgrammeName, Level = 1 }).WaitForAsync();
        return page;
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, name), FullPage = true });

    [Fact]
    public async Task The_coordinator_sees_the_programme_run_as_a_task_list_and_follows_what_to_do_next()
    {
        var page = await ProgrammePageAsync("coordinator");
        var running = page.Locator("#running");
        Assert.Equal(11, await running.Locator(".nhsuk-task-list__item").CountAsync());
        Assert.Contains("Consent: 11 of 11", await running.InnerTextAsync());
        Assert.Contains("Close the before phase 1 questionnaire", await page.Locator("#next").InnerTextAsync());
        await page.AssertNoViolationsAsync();
        await ShotAsync(page, "task-list-coordinator.png");

        await page.Locator("#next a").ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Questionnaires", Level = 1 }).WaitForAsync();
    }

    [Fact]
    public async Task A_mentor_sees_their_own_steps_and_answers_the_open_questionnaire_from_the_next_action()
    {
        var page = await ProgrammePageAsync("mentor3");
        Assert.Equal(0, await page.Locator("#running").CountAsync());
        var mine = await page.Locator("#your-part").InnerTextAsync();
        Assert.Contains("Before phase 1 questionnaire", mine);
        Assert.Contains("Cannot start yet", mine);
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "People and progress" }).CountAsync());
        await page.AssertNoViolationsAsync();
        await ShotAsync(page, "task-list-mentor.png");

        await page.Locator("#next a").ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Mentors: before the group feedback session" }).WaitForAsync();
    }

    [Fact]
    public async Task A_mentee_on_a_phone_sees_their_steps_and_that_nothing_waits_for_them()
    {
        var page = await ProgrammePageAsync("mentee2", phone: true);
        Assert.Contains("Nothing is waiting for you now", await page.Locator("#next").InnerTextAsync());
        var mine = page.Locator("#your-part");
        Assert.Contains("Agree to take part", await mine.InnerTextAsync());
        Assert.Contains("Your pairing and sessions", await mine.InnerTextAsync());
        Assert.Equal(0, await page.Locator("#running").CountAsync());
        // The task list's status sits below its name on a narrow screen, and nothing runs off the side.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await page.AssertNoViolationsAsync();
        await ShotAsync(page, "task-list-mentee-phone.png");
    }
}

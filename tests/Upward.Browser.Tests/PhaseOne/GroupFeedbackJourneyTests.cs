using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace Upward.Browser.Tests.PhaseOne;

public sealed class GroupFeedbackJourneyTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    private Task<Guid> ProgrammeIdAsync() =>
        upward.WithDbAsync(db => db.Programmes.Where(p => p.Name == DemoProgramme.ProgrammeName).Select(p => p.Id).SingleAsync());

    private Task<IPage> SignInAsync(string who) => chromium.SignInAsync(upward, who);

    [Fact]
    public async Task Facilitator_records_the_group_edits_reviews_and_releases_and_the_mentee_reads_it_with_every_page_accessible()
    {
        var programmeId = await ProgrammeIdAsync();
        var page = await SignInAsync("facilitator");
        await page.GotoAsync($"/programmes/{programmeId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Feedback briefs" }).ClickAsync();
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Group notes for Dr James Turner" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Points the group raised on approach to juniors").FillAsync("Explains decisions on the ward round and invites questions");
        await page.GetByRole(AriaRole.Group, new() { Name = "Group rating for approach to juniors (optional)" }).GetByLabel("4", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Points the group raised on time management").FillAsync("Clinics often overrun into the evening handover");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and go to Dr Karen Walsh" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "What the group said about Dr Karen Walsh" }).WaitForAsync();

        await page.GotoAsync($"/programmes/{programmeId}/phase-one");
        await page.GetByRole(AriaRole.Link, new() { Name = "Brief for Dr James Turner" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the brief" }).ClickAsync();
        // The group's points start the draft; its rating is kept beside the text, not inside it, so editing cannot drop it.
        var juniors = page.GetByLabel("Approach to juniors");
        Assert.Contains("Explains decisions on the ward round and invites questions", await juniors.InputValueAsync());
        Assert.Contains("Group rating: 4 out of 5", await page.Locator("main").InnerTextAsync());
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Time management").FillAsync("Clinics sometimes overrun into handover; juniors would value a firm finish.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await page.Locator("#saved").WaitForAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Review and release" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        // Releasing before review is refused with the reason in a warning.
        await page.GetByRole(AriaRole.Button, new() { Name = "Release to Dr James Turner" }).ClickAsync();
        await page.Locator("#refusal").WaitForAsync();
        Assert.Contains("must review the brief", await page.Locator("#refusal").InnerTextAsync());
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as reviewed" }).ClickAsync();
        await page.Locator("#done").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Release to Dr James Turner" }).ClickAsync();
        await page.Locator("#done").Filter(new() { HasText = "released to Dr James Turner" }).WaitForAsync();
        await page.AssertNoViolationsAsync();

        var mentee = await SignInAsync("mentee4");
        await mentee.GotoAsync($"/programmes/{programmeId}");
        await mentee.GetByRole(AriaRole.Link, new() { Name = "Your feedback" }).ClickAsync();
        var main = await mentee.Locator("main").InnerTextAsync();
        Assert.Contains("Approach to juniors", main);
        Assert.Contains("Explains decisions on the ward round and invites questions", main);
        Assert.Contains("juniors would value a firm finish", main);
        Assert.DoesNotContain("Sam Okafor", main);
        Assert.DoesNotContain("Dr Amira Hassan", main);
        await mentee.AssertNoViolationsAsync();
        await mentee.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "phase-one-mentee-brief.png"), FullPage = true });
    }

    [Fact]
    public async Task Willingness_matrix_settings_and_contribution_pages_are_accessible()
    {
        var programmeId = await ProgrammeIdAsync();
        var mentor = await SignInAsync("mentor2");
        await mentor.GotoAsync($"/programmes/{programmeId}/phase-one/willingness");
        await mentor.AssertNoViolationsAsync();
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
        await mentor.Locator("#saved").WaitForAsync();
        await mentor.GotoAsync($"/programmes/{programmeId}/phase-one/contribute");
        await mentor.AssertNoViolationsAsync();

        var coordinator = await SignInAsync("coordinator");
        await coordinator.GotoAsync($"/programmes/{programmeId}/phase-one/willingness/all");
        Assert.Contains("3 of 6 mentors are willing to mentor every mentee", await coordinator.Locator("#headline").InnerTextAsync());
        await coordinator.AssertNoViolationsAsync();
        await coordinator.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "phase-one-willingness.png"), FullPage = true });
        await coordinator.GotoAsync($"/programmes/{programmeId}/phase-one/settings");
        await coordinator.AssertNoViolationsAsync();

        var mentee = await SignInAsync("mentee1");
        await mentee.GotoAsync($"/programmes/{programmeId}/phase-one/rather-not-meet");
        await mentee.AssertNoViolationsAsync();
        await mentee.GotoAsync($"/programmes/{programmeId}/feedback");
        await mentee.AssertNoViolationsAsync();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Web.Demo;

namespace Upward.Browser.Tests.Sessions;

/// <summary>From the coordinator's allocation to a recorded one-to-one session, axe clean on every page.</summary>
public sealed class SessionJourneyTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    private Task<IPage> SignedInAsync(string who) => chromium.SignInAsync(upward, who);

    [Fact]
    public async Task Coordinator_allocates_and_a_pair_agrees_a_time_and_records_the_session()
    {
        var coordinator = await SignedInAsync("coordinator");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = DemoProgramme.ProgrammeName }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Allocation" }).ClickAsync();
        await coordinator.AssertNoViolationsAsync();
        await coordinator.GetByLabel("At random within each mentor's willingness").CheckAsync();
        await coordinator.GetByLabel("Random seed (optional)").FillAsync("2022");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await coordinator.Locator("#preview").WaitForAsync();
        Assert.Equal("2022", await coordinator.Locator("#seed").InnerTextAsync());
        await coordinator.AssertNoViolationsAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Confirm and tell the pairs" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Heading, new() { Name = "Pairs" }).WaitForAsync();
        await coordinator.AssertNoViolationsAsync();

        // Find who mentee1 was paired with, then both open their pairing.
        var mentorWho = await upward.WithDbAsync(async db =>
        {
            var mentee = await db.Enrolments.SingleAsync(e => e.Role == ProgrammeRole.Mentee && db.Users.Any(u => u.Id == e.UserId && u.Email == DemoProgramme.EmailOf("mentee1")));
            var pairing = await db.Pairings.SingleAsync(p => p.MenteeEnrolmentId == mentee.Id && p.Status == PairingStatus.Active);
            var mentor = await db.Enrolments.SingleAsync(e => e.Id == pairing.MentorEnrolmentId);
            return "mentor" + int.Parse(mentor.ParticipantCode[3..]);
        });
        var mentor = await SignedInAsync(mentorWho);
        var mentee = await SignedInAsync("mentee1");
        foreach (var page in new[] { mentor, mentee })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = DemoProgramme.ProgrammeName }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Your pairing and sessions" }).ClickAsync();
            if (page == mentor && await page.GetByRole(AriaRole.Link, new() { Name = "Dr Grace Wilson" }).CountAsync() > 0)
            {
                await page.GetByRole(AriaRole.Link, new() { Name = "Dr Grace Wilson" }).ClickAsync();
            }
            await page.AssertNoViolationsAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "I accept the ground rules" }).ClickAsync();
        }

        // The overview says where they are; sessions have a page of their own.
        Assert.Contains("0 of 1 session held", await mentor.Locator("#pair-summary").InnerTextAsync());
        await mentor.GetByRole(AriaRole.Link, new() { Name = "See and plan sessions" }).ClickAsync();
        var day = DateTime.Today.AddDays(7);
        await mentor.GetByLabel("Day").First.FillAsync(day.Day.ToString());
        await mentor.GetByLabel("Month").First.FillAsync(day.Month.ToString());
        await mentor.GetByLabel("Year").First.FillAsync(day.Year.ToString());
        await mentor.GetByLabel("Start time").FillAsync("12:30");
        await mentor.GetByLabel("Where, or a video link").FillAsync("Education centre, room 4");
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Suggest this time" }).ClickAsync();
        await mentor.Locator("#session-1").WaitForAsync();
        await mentor.AssertNoViolationsAsync();

        await mentee.ReloadAsync();
        Assert.Contains("Session 1 is suggested", await mentee.Locator("#pair-summary").InnerTextAsync());
        await mentee.GetByRole(AriaRole.Link, new() { Name = "See and plan sessions" }).ClickAsync();
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Agree this time" }).ClickAsync();
        await mentee.Locator("#session-1", new() { HasText = "agreed" }).WaitForAsync();
        // Before it starts there is nothing to record yet, and a calendar file to download.
        Assert.Equal(0, await mentee.GetByRole(AriaRole.Button, new() { Name = "Record that it was held" }).CountAsync());
        Assert.Contains("Once the session has started", await mentee.Locator("#session-1").InnerTextAsync());
        var download = await mentee.RunAndWaitForDownloadAsync(() => mentee.GetByRole(AriaRole.Link, new() { Name = "Add session 1 to your calendar (.ics file)" }).ClickAsync());
        Assert.EndsWith(".ics", download.SuggestedFilename);
        Assert.Contains("BEGIN:VTIMEZONE", await File.ReadAllTextAsync((await download.PathAsync())!));
        await mentee.AssertNoViolationsAsync();

        // The meeting happens: move its start into the past, as time would.
        await upward.WithDbAsync(db => db.MentoringSessions.ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAtUtc, DateTime.UtcNow.AddHours(-1))));
        await mentee.ReloadAsync();
        await mentee.GetByLabel("In person").CheckAsync();
        await mentee.GetByLabel("How long did it take, in minutes?").FillAsync("45");
        await mentee.GetByLabel("About right").CheckAsync();
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Record that it was held" }).ClickAsync();
        await mentee.Locator("#session-1", new() { HasText = "held" }).WaitForAsync();
        Assert.Contains("You met in person. It took 45 minutes; the time felt about right", await mentee.Locator("#session-1").InnerTextAsync());
        await mentee.AssertNoViolationsAsync();
        await mentee.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "pairing-held.png"), FullPage = true });

        // The mentee's action plan and private notes, each on its own page, from a phone-sized window too.
        await mentee.SetViewportSizeAsync(390, 844);
        await mentee.GetByRole(AriaRole.Link, new() { Name = "Your action plan" }).ClickAsync();
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Add to my plan" }).ClickAsync();
        await mentee.Locator(".nhsuk-error-summary").WaitForAsync();
        await mentee.GetByLabel("An action you will take").FillAsync("Ask a junior to chair the next handover");
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Add to my plan" }).ClickAsync();
        await mentee.Locator("strong", new() { HasText = "Ask a junior to chair the next handover" }).WaitForAsync();
        await mentee.AssertNoViolationsAsync();
        await mentee.GetByRole(AriaRole.Link, new() { Name = "Your private notes" }).ClickAsync();
        await mentee.GetByLabel("Add a note").FillAsync("Surprised how often juniors wait to be asked.");
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Save note" }).ClickAsync();
        await mentee.Locator("#saved").WaitForAsync();
        Assert.Contains("Surprised how often juniors wait to be asked.", await mentee.Locator("main").InnerTextAsync());
        await mentee.AssertNoViolationsAsync();
        await mentee.GetByRole(AriaRole.Link, new() { Name = "Overview" }).ClickAsync();
        Assert.Contains("0 of 1 action done", await mentee.Locator("#pair-summary").InnerTextAsync());
        await mentee.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "pairing-overview-phone.png"), FullPage = true });

        await coordinator.GotoAsync(coordinator.Url.Replace("/allocation", "/people"));
        Assert.Contains("Paired, 1 of 1 session held", await coordinator.Locator("main").InnerTextAsync());
    }
}

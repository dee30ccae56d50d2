using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Web.Demo;

namespace Upward.Browser.Tests.Sessions;

/// <summary>
/// A pair's life beyond one planned session, on a phone: the coordinator's own ground rules, a
/// session recorded afterwards, the private "carry on?" question, a concern answered, and a no-fault
/// ending; axe clean on every page.
/// </summary>
public sealed class PairLifeJourneyTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    [Fact]
    public async Task Ground_rules_a_session_recorded_afterwards_a_concern_answered_and_a_no_fault_ending()
    {
        var programmeId = await upward.WithDbAsync(db => db.Programmes.Where(p => p.Name == DemoProgramme.ProgrammeName).Select(p => p.Id).SingleAsync());
        var coordinator = await chromium.SignInAsync(upward, "coordinator");
        await coordinator.GotoAsync($"/programmes/{programmeId}");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Ground rules" }).ClickAsync();
        await coordinator.AssertNoViolationsAsync();
        await coordinator.GetByLabel("Who concerns about patient safety, safeguarding or conduct go to").FillAsync("Dr Jo Patel, Freedom to Speak Up guardian");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
        await coordinator.Locator("#saved").WaitForAsync();
        await coordinator.GotoAsync($"/programmes/{programmeId}/allocation");
        await coordinator.GetByLabel("At random within each mentor's willingness").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Confirm and tell the pairs" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Heading, new() { Name = "Pairs" }).WaitForAsync();

        var (pairingId, mentorWho) = await upward.WithDbAsync(async db =>
        {
            var mentee = await db.Enrolments.SingleAsync(e => e.Role == ProgrammeRole.Mentee && db.Users.Any(u => u.Id == e.UserId && u.Email == DemoProgramme.EmailOf("mentee2")));
            var pairing = await db.Pairings.SingleAsync(p => p.MenteeEnrolmentId == mentee.Id && p.Status == PairingStatus.Active);
            var mentor = await db.Enrolments.SingleAsync(e => e.Id == pairing.MentorEnrolmentId);
            return (pairing.Id, "mentor" + int.Parse(mentor.ParticipantCode[3..]));
        });
        var pairUrl = $"/programmes/{programmeId}/pairing/{pairingId}";
        var mentee = await chromium.SignInAsync(upward, "mentee2", phone: true);
        var mentor = await chromium.SignInAsync(upward, mentorWho);
        foreach (var page in new[] { mentee, mentor })
        {
            await page.GotoAsync(pairUrl);
            Assert.Contains("Dr Jo Patel, Freedom to Speak Up guardian", await page.Locator("#safety-lead").InnerTextAsync());
            await page.GetByRole(AriaRole.Button, new() { Name = "I accept the ground rules" }).ClickAsync();
        }

        // They met on Teams last week and record it afterwards, past the time limit, from a phone.
        await mentee.GotoAsync(pairUrl + "/sessions");
        await mentee.GetByRole(AriaRole.Link, new() { Name = "Record a session you have had" }).ClickAsync();
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Record the session" }).ClickAsync();
        await mentee.Locator(".nhsuk-error-summary").WaitForAsync();
        await mentee.AssertNoViolationsAsync();
        var day = DateTime.Today.AddDays(-6);
        await mentee.GetByLabel("Day").FillAsync(day.Day.ToString());
        await mentee.GetByLabel("Month").FillAsync(day.Month.ToString());
        await mentee.GetByLabel("Year").FillAsync(day.Year.ToString());
        await mentee.GetByLabel("Roughly what time did it start?").FillAsync("16:00");
        await mentee.GetByLabel("By video call").CheckAsync();
        await mentee.GetByLabel("How long did it take, in minutes?").FillAsync("75");
        await mentee.GetByLabel("Too short").CheckAsync();
        await mentee.GetByLabel("If it went past the time limit, why? (optional otherwise)").FillAsync("We got onto rota design and both wanted to finish.");
        await mentee.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "pairing-record-afterwards-phone.png"), FullPage = true });
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Record the session" }).ClickAsync();
        await mentee.Locator("#recorded").WaitForAsync();
        Assert.Contains("held (recorded afterwards)", await mentee.Locator("#session-1").InnerTextAsync());
        Assert.Contains("You met by video call. It took 75 minutes", await mentee.Locator("#session-1").InnerTextAsync());
        await mentee.AssertNoViolationsAsync();

        await mentee.GetByLabel("I would like to change").CheckAsync();
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Save my answer" }).ClickAsync();
        await mentee.GetByLabel("I would like to change").WaitForAsync();
        Assert.True(await mentee.GetByLabel("I would like to change").IsCheckedAsync());

        // A private subscription address for their calendar app, shown once.
        await mentee.GetByRole(AriaRole.Link, new() { Name = "Keep your sessions in your calendar app" }).ClickAsync();
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Make a subscription address" }).ClickAsync();
        Assert.Contains("/calendar/", await mentee.Locator("#new-address").InnerTextAsync());
        await mentee.AssertNoViolationsAsync();
        await mentee.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "calendar-subscription-phone.png"), FullPage = true });
        await mentee.GotoAsync(pairUrl);

        // A concern, answered by the coordinator and followed by the mentee.
        await mentee.GetByRole(AriaRole.Link, new() { Name = "Raise a concern with the programme's lead" }).ClickAsync();
        await mentee.GetByLabel("What is your concern?").FillAsync("I am not sure the pairing suits what I hoped to learn.");
        await mentee.GetByLabel("No").CheckAsync();
        await mentee.GetByRole(AriaRole.Button, new() { Name = "Send to the coordinators" }).ClickAsync();
        await coordinator.GotoAsync($"/programmes/{programmeId}/concerns");
        await coordinator.GetByLabel("Your answer").FillAsync("Thank you for saying so. Shall we talk on Tuesday?");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
        await coordinator.GetByText("Shall we talk on Tuesday?").WaitForAsync();
        await coordinator.AssertNoViolationsAsync();
        await coordinator.GotoAsync($"/programmes/{programmeId}/allocation");
        Assert.Contains("Mentee would like to change", await coordinator.Locator("main").InnerTextAsync());
        await mentee.GotoAsync($"/programmes/{programmeId}/concern");
        Assert.Contains("Shall we talk on Tuesday?", await mentee.Locator("#yours ~ .nhsuk-card").First.InnerTextAsync());
        await mentee.AssertNoViolationsAsync();

        // The mentor ends the pairing; the page explains what happens, and then it is gone for both.
        await mentor.GotoAsync(pairUrl);
        await mentor.GetByRole(AriaRole.Link, new() { Name = "End this pairing" }).ClickAsync();
        await mentor.AssertNoViolationsAsync();
        await mentor.GetByRole(AriaRole.Button, new() { Name = "End the pairing" }).ClickAsync();
        await mentor.GetByText("Your pairing has ended").WaitForAsync();
        Assert.Equal(404, (await mentee.GotoAsync(pairUrl))!.Status);

        // The coordinator re-pairs the mentee from the mentors still willing and free, in one press.
        await coordinator.GotoAsync($"/programmes/{programmeId}/allocation");
        await coordinator.Locator("#waiting").WaitForAsync();
        await coordinator.AssertNoViolationsAsync();
        var waiting = coordinator.Locator("#waiting-table");
        Assert.Contains("An earlier pairing ended", await waiting.InnerTextAsync());
        await waiting.GetByRole(AriaRole.Button).First.ClickAsync();
        await coordinator.GetByRole(AriaRole.Heading, new() { Name = "Pairs" }).WaitForAsync();
        Assert.Equal(0, await coordinator.Locator("#waiting").CountAsync());
    }
}

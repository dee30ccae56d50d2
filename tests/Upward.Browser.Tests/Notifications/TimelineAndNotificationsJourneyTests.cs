using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Core.Notifications;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Web.Demo;
using Upward.Web.Pages.Notifications;

namespace Upward.Browser.Tests.Notifications;

/// <summary>
/// The coordinator plans a questionnaire step on the timeline and opens a questionnaire; a mentor on a
/// phone finds it in their notifications, chooses which emails they get, and unsubscribes from a link;
/// axe clean on every page, including the error summary.
/// </summary>
public sealed class TimelineAndNotificationsJourneyTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_coordinator_plans_the_timeline_and_a_mentor_manages_their_notifications_on_a_phone()
    {
        var programmeId = await upward.WithDbAsync(db => db.Programmes.Where(p => p.Name == DemoProgramme.ProgrammeName).Select(p => p.Id).SingleAsync());
        var coordinator = await chromium.SignInAsync(upward, "coordinator");
        await coordinator.GotoAsync($"/programmes/{programmeId}/timeline");
        await coordinator.AssertNoViolationsAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Change the dates of after phase 1 questionnaires" }).ClickAsync();
        await coordinator.Locator("#Input-Start-Day").FillAsync("30");
        await coordinator.Locator("#Input-Start-Month").FillAsync("2");
        await coordinator.Locator("#Input-Start-Year").FillAsync("2027");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Save the dates" }).ClickAsync();
        await coordinator.Locator(".nhsuk-error-summary").WaitForAsync();
        Assert.Contains("Enter a real date for the first day", await coordinator.Locator(".nhsuk-error-summary").InnerTextAsync());
        await coordinator.AssertNoViolationsAsync();
        await coordinator.Locator("#Input-Start-Day").FillAsync("1");
        await coordinator.Locator("#Input-Start-Month").FillAsync("3");
        await coordinator.Locator("#Input-End-Day").FillAsync("12");
        await coordinator.Locator("#Input-End-Month").FillAsync("3");
        await coordinator.Locator("#Input-End-Year").FillAsync("2027");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Save the dates" }).ClickAsync();
        await coordinator.Locator("#timeline").WaitForAsync();
        Assert.Contains("Monday 1 March 2027 to Friday 12 March 2027", await coordinator.Locator("#timeline").InnerTextAsync());
        await coordinator.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "timeline.png"), FullPage = true });

        // Opening a questionnaire by hand tells its audience.
        var wave = await upward.WithDbAsync(db => db.Waves.Where(w => w.ProgrammeId == programmeId && !w.IsOpen && w.Audience == ProgrammeRole.Mentor
            && !db.Responses.Any(r => r.WaveId == w.Id)).OrderBy(w => w.Stage).FirstAsync());
        var title = await upward.WithDbAsync(db => db.Instruments.Where(i => i.Id == wave.InstrumentId).Select(i => i.Title).SingleAsync());
        await coordinator.GotoAsync($"/programmes/{programmeId}/questionnaires");
        await coordinator.Locator($"form[action*='waveId={wave.Id}'] button").First.ClickAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = $"Remind those who have not answered {title} (mentors)" }).ClickAsync();
        await coordinator.Locator("#reminded").WaitForAsync();
        await coordinator.AssertNoViolationsAsync();

        var mentor = await chromium.SignInAsync(upward, "mentor3", phone: true);
        Assert.Contains("new)", await mentor.Locator("#notifications-link").InnerTextAsync());
        await mentor.Locator("#notifications-link").ClickAsync();
        Assert.Contains($"A questionnaire is open: {title}", await mentor.Locator("#notifications").InnerTextAsync());
        Assert.Contains($"Reminder: {title}", await mentor.Locator("#notifications").InnerTextAsync());
        await mentor.AssertNoViolationsAsync();
        await mentor.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "notifications-phone.png"), FullPage = true });

        await mentor.GetByRole(AriaRole.Link, new() { Name = "Choose which emails you get" }).ClickAsync();
        await mentor.GetByLabel("Your session is tomorrow").UncheckAsync();
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Save my choices" }).ClickAsync();
        await mentor.Locator("#saved").WaitForAsync();
        Assert.False(await mentor.GetByLabel("Your session is tomorrow").IsCheckedAsync());
        Assert.Contains("Cannot be turned off", await mentor.Locator("#essential").InnerTextAsync());
        await mentor.AssertNoViolationsAsync();
        await mentor.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "notification-preferences-phone.png"), FullPage = true });

        // The unsubscribe link of an email, opened signed out.
        var userId = await upward.WithDbAsync(db => db.Users.Where(u => u.Email == DemoProgramme.EmailOf("mentor3")).Select(u => u.Id).SingleAsync());
        var token = upward.Services.GetRequiredService<UnsubscribeTokens>().For(userId, NotificationKind.QuestionnaireLastDay);
        var signedOut = await chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = upward.BaseUrl, Locale = "en-GB", ViewportSize = new() { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true,
        });
        var stranger = await signedOut.NewPageAsync();
        await stranger.GotoAsync($"{upward.BaseUrl}/unsubscribe?t={token}");
        await stranger.AssertNoViolationsAsync();
        await stranger.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await stranger.Locator("#done").WaitForAsync();
        await stranger.AssertNoViolationsAsync();
        Assert.True(await upward.WithDbAsync(db => db.NotificationPreferences.AnyAsync(p => p.UserId == userId && p.Kind == NotificationKind.QuestionnaireLastDay)));
        await stranger.GotoAsync($"{upward.BaseUrl}/unsubscribe?t=broken");
        Assert.Contains("This unsubscribe link does not work", await stranger.Locator("h1").InnerTextAsync());
        await stranger.AssertNoViolationsAsync();
    }
}

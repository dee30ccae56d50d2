using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Web.Demo;
using Upward.Web.Tests.Waitlist;

namespace Upward.Browser.Tests.Waitlist;

/// <summary>
/// The stepped wedge in a real browser: the coordinator chooses the design, draws three departments into
/// steps with their start dates, releases the schedule and starts the first step; a mentee of a later
/// step reads their department's start date on a phone. Every page checked with axe, at desktop and phone width.
/// </summary>
public sealed class SteppedWedgeJourneyTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    private static readonly Dictionary<string, string> DepartmentOf = new()
    {
        ["mentee1"] = "Cardiology", ["mentee2"] = "Cardiology", ["mentee3"] = "Maternity",
        ["mentee4"] = "Maternity", ["mentee5"] = "Radiology", ["mentor4"] = "Radiology",
    };

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

    [Fact]
    public async Task The_coordinator_draws_releases_and_starts_a_step_and_a_later_mentee_reads_their_date_with_no_accessibility_violations()
    {
        var id = await WaitlistProgramme.CreateAsync(upward, "Stepped wedge journey");
        await upward.WithDbAsync(async db =>
        {
            foreach (var (who, department) in DepartmentOf)
            {
                var enrolment = await db.Enrolments.SingleAsync(e => e.ProgrammeId == id && db.Users.Any(u => u.Id == e.UserId && u.Email == DemoProgramme.EmailOf(who)));
                enrolment.Department = department;
            }
            await db.SaveChangesAsync();
        });
        var page = await chromium.SignInAsync(upward, "coordinator");
        await page.GotoAsync($"/programmes/{id}/analysis-plan");
        await page.GetByLabel("Stepped wedge: departments start in steps, by randomisation").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Primary outcome" }).GetByLabel("Mentees’ awareness, before to after").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the analysis plan" }).ClickAsync();
        await page.Locator("#saved").WaitForAsync();

        await page.GotoAsync($"/programmes/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Stepped wedge: when each department starts" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Stepped wedge: when each department starts" }).WaitForAsync();
        await BothWidthsAsync(page, "stepped-wedge-draw");

        // Too many steps for three departments: the error summary says so.
        var first = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        await page.GetByLabel("Number of steps").FillAsync("5");
        await page.Locator("#First-Day").FillAsync(first.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#First-Month").FillAsync(first.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#First-Year").FillAsync(first.Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Weeks between one step's start and the next").FillAsync("2");
        await page.GetByLabel("Random seed (optional)").FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draw the departments into steps" }).ClickAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        Assert.Contains("no more steps than departments", await page.Locator(".nhsuk-error-summary").InnerTextAsync());
        await page.AssertNoViolationsAsync();

        await page.GetByLabel("Number of steps").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Draw the departments into steps" }).ClickAsync();
        await page.Locator("#schedule").WaitForAsync();
        Assert.Equal("2026", await page.Locator("#seed").InnerTextAsync());
        Assert.Equal(3, await page.Locator("#schedule tbody tr").CountAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Tell the mentees when their departments start" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start step 1 now" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start step 2 now" }).WaitForAsync();
        await BothWidthsAsync(page, "stepped-wedge-schedule");

        // A mentee of step 2 reads when their department starts, on a phone.
        var stepOf = Upward.Core.Designs.SteppedWedgeSchedule.Draw(DepartmentOf.Values, 3, 2026).ToDictionary(d => d.Department, d => d.Step);
        var who = DepartmentOf.First(d => stepOf[d.Value] == 2).Key;
        var mentee = await chromium.SignInAsync(upward, who, phone: true);
        await mentee.SetViewportSizeAsync(390, 844);
        await mentee.GotoAsync($"/programmes/{id}");
        var text = await mentee.Locator("#your-step").InnerTextAsync();
        Assert.Contains($"starts on {first.AddDays(14).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))} (step 2 of 3)", text);
        await mentee.AssertNoViolationsAsync();
        await mentee.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "stepped-wedge-mentee-phone.png"), FullPage = true });
        // They were also told by notification (and email), in plain words about themselves alone.
        await mentee.GotoAsync("/notifications");
        var told = await mentee.Locator(".nhsuk-card", new() { HasText = "When you start: Stepped wedge journey" }).InnerTextAsync();
        Assert.Contains($"your department starts on {Upward.Web.Pages.Notifications.Dates.Long(first.AddDays(14))}, after a waiting period", told);
        await mentee.AssertNoViolationsAsync();
        await mentee.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "stepped-wedge-mentee-told-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task The_coordinator_randomises_whole_departments_to_a_waitlist_with_no_accessibility_violations()
    {
        var id = await WaitlistProgramme.CreateAsync(upward, "Waitlist by department journey");
        await upward.WithDbAsync(async db =>
        {
            foreach (var (who, department) in DepartmentOf)
            {
                var enrolment = await db.Enrolments.SingleAsync(e => e.ProgrammeId == id && db.Users.Any(u => u.Id == e.UserId && u.Email == DemoProgramme.EmailOf(who)));
                enrolment.Department = department;
            }
            await db.SaveChangesAsync();
        });
        var page = await chromium.SignInAsync(upward, "coordinator");
        await page.GotoAsync($"/programmes/{id}/analysis-plan");
        await page.GetByLabel("Waitlist control: start now or later, by randomisation").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Primary outcome" }).GetByLabel("Mentees’ awareness, before to after").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the analysis plan" }).ClickAsync();
        await page.Locator("#saved").WaitForAsync();

        await page.GotoAsync($"/programmes/{id}/waitlist");
        await BothWidthsAsync(page, "waitlist-unit-choice");
        await page.GetByLabel("Whole departments").CheckAsync();
        await page.GetByLabel("Random seed (optional)").FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Randomise the mentees" }).ClickAsync();
        await page.Locator("#department-arms").WaitForAsync();
        Assert.Contains("Whole departments: 3", await page.Locator("#unit").InnerTextAsync());
        Assert.Contains("2 start now, 1 start later", await page.Locator("#department-arms caption").InnerTextAsync());
        await BothWidthsAsync(page, "waitlist-by-department");
    }
}

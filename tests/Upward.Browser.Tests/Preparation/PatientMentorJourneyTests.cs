using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Core.Preparation;
using Upward.Web.Demo;

namespace Upward.Browser.Tests.Preparation;

/// <summary>
/// A patient mentor's path: the coordinator marks them and names the safeguarding contact; they read
/// their module and pass its self-check, claim expenses, and are asked no staff questions; axe clean throughout.
/// </summary>
public sealed class PatientMentorJourneyTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    private async Task<IPage> SignedInAsync(string who)
    {
        var page = await chromium.SignInAsync(upward, who);
        await page.GetByRole(AriaRole.Link, new() { Name = DemoProgramme.ProgrammeName }).ClickAsync();
        return page;
    }

    [Fact]
    public async Task A_patient_mentor_prepares_claims_expenses_and_sees_whom_to_contact()
    {
        var coordinator = await SignedInAsync("coordinator");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Preparation and readiness" }).ClickAsync();
        await coordinator.Locator("tr", new() { HasText = "Dr Ella Singh" }).GetByRole(AriaRole.Button, new() { Name = "Mark as patient or carer" }).ClickAsync();
        await coordinator.Locator("#saved").WaitForAsync();
        await coordinator.AssertNoViolationsAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Change the preparation, safeguarding and certificate settings" }).ClickAsync();
        await coordinator.GetByLabel("Safeguarding contact for patient and carer mentors").FillAsync("Sam Okoro, adult safeguarding lead, 020 7946 0000");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await coordinator.Locator("#saved").WaitForAsync();
        await coordinator.AssertNoViolationsAsync();

        var patient = await SignedInAsync("mentor5");
        await patient.GetByRole(AriaRole.Link, new() { Name = "Preparing to mentor" }).ClickAsync();
        Assert.Contains("Sam Okoro, adult safeguarding lead", await patient.Locator("#safeguarding").InnerTextAsync());
        await patient.AssertNoViolationsAsync();

        await patient.GetByRole(AriaRole.Link, new() { Name = "Module 5: For patient and carer mentors" }).ClickAsync();
        await patient.AssertNoViolationsAsync();
        var module = ModuleText.Parse(BuiltInModules.All.Single(m => m.Key == "patient-mentors").Markdown).Text!;
        foreach (var question in module.Questions)
        {
            await patient.GetByRole(AriaRole.Group, new() { Name = question.Text }).GetByLabel(question.Options[question.RightOption], new() { Exact = true }).CheckAsync();
        }
        await patient.GetByRole(AriaRole.Button, new() { Name = "Check my answers" }).ClickAsync();
        await patient.Locator("#completed").WaitForAsync();
        await patient.AssertNoViolationsAsync();
        await patient.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "patient-module.png"), FullPage = true });

        await patient.GetByRole(AriaRole.Link, new() { Name = "Back to preparing to mentor" }).ClickAsync();
        await patient.GetByRole(AriaRole.Link, new() { Name = "Expenses" }).ClickAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Send the claim" }).ClickAsync();
        await patient.Locator(".nhsuk-error-summary").WaitForAsync();
        await patient.AssertNoViolationsAsync();
        var day = DateTime.Now.AddDays(-1);
        await patient.GetByLabel("Amount, in pounds").FillAsync("8.40");
        await patient.GetByLabel("What it was for").FillAsync("Parking at the hospital for the session");
        await patient.GetByLabel("Day").FillAsync(day.Day.ToString());
        await patient.GetByLabel("Month").FillAsync(day.Month.ToString());
        await patient.GetByLabel("Year").FillAsync(day.Year.ToString());
        await patient.GetByRole(AriaRole.Button, new() { Name = "Send the claim" }).ClickAsync();
        await patient.Locator("#claimed").WaitForAsync();
        Assert.Contains("£8.40", await patient.Locator("#claims").InnerTextAsync());
        await patient.AssertNoViolationsAsync();

        await patient.GotoAsync(patient.Url.Replace("/expenses?claimed=true", "/about-you"));
        await patient.GetByRole(AriaRole.Heading, new() { Name = "About you" }).WaitForAsync();
        Assert.Equal(0, await patient.GetByText("Staff group").CountAsync());
        await patient.AssertNoViolationsAsync();

        await coordinator.GotoAsync(coordinator.Url.Replace("/preparation/settings?saved=true", "/expenses/claims"));
        await coordinator.Locator("tr", new() { HasText = "Dr Ella Singh" }).GetByRole(AriaRole.Button, new() { Name = "Mark as approved" }).ClickAsync();
        Assert.Contains("Approved", await coordinator.Locator("#claims").InnerTextAsync());
        await coordinator.AssertNoViolationsAsync();
    }
}

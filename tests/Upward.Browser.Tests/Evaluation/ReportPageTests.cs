using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Core.Questionnaires;
using Upward.Web.Demo;

namespace Upward.Browser.Tests.Evaluation;

public sealed class ReportPageTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_researcher_reads_the_pilot_evaluation_with_charts_and_no_accessibility_violations()
    {
        var page = await (await chromium.NewContextAsync(new() { BaseURL = upward.BaseUrl, Locale = "en-GB" })).NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoProgramme.EmailOf("researcher"));
        await page.GetByLabel("Password").FillAsync(DemoProgramme.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = DemoPilotEvaluation.Bundle().Programme.Name }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Evaluation", Exact = true }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Evaluation", Exact = true }).WaitForAsync();
        Assert.True(await page.Locator(".upward-report svg title").CountAsync() > 0);
        string main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("0.0625", main);
        // Mentors' confidence, 23 vs 29: the Hodges–Lehmann change beside the paper's p.
        Assert.Contains("+6 (95% CI +3 to +9)", main);
        await page.AssertNoViolationsAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "evaluation.png"), FullPage = false });

        // The write-up's reporting checklist, drafted from the same records, on a desktop and a phone.
        await page.GetByRole(AriaRole.Link, new() { Name = "Reporting checklists drafted from the programme" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "SQUIRE 2.0 checklist" }).WaitForAsync();
        Assert.Contains("+6 (95% CI +3 to +9)", await page.Locator("[data-item='squire-13']").InnerTextAsync());
        await page.AssertNoViolationsAsync();
        await page.SetViewportSizeAsync(375, 812);
        await page.AssertNoViolationsAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "squire-checklist-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task The_coordinator_sets_the_analysis_plan_on_a_phone_and_the_report_leads_with_it()
    {
        // The live demo programme, with its answers after the intervention taken away so the plan is still open.
        var id = await upward.WithDbAsync(async db =>
        {
            var programme = await db.Programmes.Where(p => p.Name == DemoProgramme.ProgrammeName).Select(p => p.Id).SingleAsync();
            Stage[] after = [Stage.AfterPhase1, Stage.AfterPhase2, Stage.After];
            var responses = db.Responses.Where(r => db.Waves.Any(w => w.Id == r.WaveId && w.ProgrammeId == programme && after.Contains(w.Stage)));
            await db.Answers.Where(a => responses.Any(r => r.Id == a.ResponseId)).ExecuteDeleteAsync();
            await responses.ExecuteDeleteAsync();
            return programme;
        });
        var coordinator = await chromium.SignInAsync(upward, "coordinator", phone: true);
        await coordinator.GotoAsync($"/programmes/{id}");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Analysis plan" }).ClickAsync();
        await coordinator.AssertNoViolationsAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Save the analysis plan" }).WaitForAsync();
        await coordinator.Locator("input[name='Input.Primary'][value='mentee:awareness:before_phase_2:after_phase_2']").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Save the analysis plan" }).ClickAsync();
        await coordinator.Locator("#saved").WaitForAsync();
        await coordinator.AssertNoViolationsAsync();
        await coordinator.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "analysis-plan-phone.png"), FullPage = true });
        var hash = await coordinator.Locator("#plan-hash").InnerTextAsync();
        await coordinator.GotoAsync($"/programmes/{id}/evaluation");
        Assert.StartsWith("Mentees’ awareness", await coordinator.Locator("#summary ~ h3 + p").First.InnerTextAsync());
        Assert.Contains(hash, await coordinator.Locator("#analysis-plan").InnerTextAsync());
        await coordinator.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task The_administrator_imports_a_bundle_from_the_administration_page_and_it_opens_as_a_programme()
    {
        var bundle = Upward.Core.Bundles.BundleWriter.Write(DemoPilotEvaluation.Bundle());
        var page = await chromium.SignInAsync(upward, "admin");
        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Import a research bundle as a new programme" }).ClickAsync();
        await page.AssertNoViolationsAsync();

        // Something that is not a bundle first: the error summary, axe clean.
        await page.GetByLabel("Upload a research bundle (.json)").SetInputFilesAsync(new FilePayload { Name = "notes.json", MimeType = "application/json", Buffer = "[]"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        await page.AssertNoViolationsAsync();

        await page.GetByLabel("Upload a research bundle (.json)").SetInputFilesAsync(new FilePayload { Name = "pilot.json", MimeType = "application/json", Buffer = bundle });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();
        await page.Locator("#imported").WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Evaluation", Exact = true }).ClickAsync();
        Assert.Contains("0.0625", await page.Locator("main").InnerTextAsync());
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Web.Demo;

namespace Upward.Browser.Tests.Questionnaires;

/// <summary>Answering on a phone: every question type at 375 pixels wide, each page axe-clean, errors included.</summary>
public sealed class AnsweringJourneyTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    private Task<IPage> PhoneAsync(string who) => chromium.SignInAsync(upward, who, phone: true);

    [Fact]
    public async Task A_mentor_answers_whole_questionnaires_on_a_phone_with_every_page_accessible()
    {
        // The coordinator opens the two later mentor questionnaires so all six item types are met.
        var coordinator = await PhoneAsync("coordinator");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = DemoProgramme.ProgrammeName }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Questionnaires" }).ClickAsync();
        await coordinator.AssertNoViolationsAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Open Mentors: before the one-to-one session" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Close Mentors: before the one-to-one session" }).WaitForAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Open Mentors: after the one-to-one session" }).ClickAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Close Mentors: after the one-to-one session" }).WaitForAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Mentors: before the group feedback session" }).ClickAsync();
        await coordinator.AssertNoViolationsAsync();
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Change the wording of question 1" }).ClickAsync();
        await coordinator.AssertNoViolationsAsync();

        // The questionnaire after the one-to-one is put only to mentors who were paired: pair mentor1 first.
        await upward.WithDbAsync(async db =>
        {
            var programme = await db.Programmes.Where(p => p.Name == DemoProgramme.ProgrammeName).Select(p => p.Id).SingleAsync();
            Guid EnrolmentOf(string who, ProgrammeRole role) => db.Enrolments.Single(e => e.ProgrammeId == programme && e.Role == role
                && db.Users.Any(u => u.Id == e.UserId && u.Email == DemoProgramme.EmailOf(who))).Id;
            db.Pairings.Add(new Pairing { ProgrammeId = programme, MentorEnrolmentId = EnrolmentOf("mentor1", ProgrammeRole.Mentor),
                MenteeEnrolmentId = EnrolmentOf("mentee1", ProgrammeRole.Mentee), CreatedAtUtc = DateTime.UtcNow, Reason = "Test pairing" });
            await db.SaveChangesAsync();
        });
        var page = await PhoneAsync("mentor1");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mentors: before the group feedback session" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
        var seen = new HashSet<string>();
        await AnswerUntilCheckAsync(page, seen);
        await SendAsync(page);

        foreach (var title in new[] { "Mentors: before the one-to-one session", "Mentors: after the one-to-one session" })
        {
            await page.GotoAsync("/");
            Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = title }).CountAsync() == 1, await page.Locator("main").InnerTextAsync());
            await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Start now" }).ClickAsync();
            await AnswerUntilCheckAsync(page, seen);
            await SendAsync(page);
        }
        Assert.Equal(["choice", "grid", "minutes", "scale", "text", "yes/no"], seen.Order());
    }

    private static async Task SendAsync(IPage page)
    {
        await page.AssertNoViolationsAsync();
        Assert.DoesNotContain("Not answered yet", await page.Locator("main").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Send answers" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Answers sent" }).WaitForAsync();
        await page.AssertNoViolationsAsync();
    }

    /// <summary>Answers each page by what it holds; the first page of each type is first sent empty or wrong to check the error state too.</summary>
    private static async Task AnswerUntilCheckAsync(IPage page, HashSet<string> seen)
    {
        for (var guard = 0; guard < 20 && !page.Url.EndsWith("/check", StringComparison.Ordinal); guard++)
        {
            await page.AssertNoViolationsAsync();
            var kind = await KindAsync(page);
            if (seen.Add(kind) && kind != "text")
            {
                if (kind == "minutes") await page.Locator("#Value").FillAsync("601");
                await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
                await page.Locator(".nhsuk-error-summary").WaitForAsync();
                await page.AssertNoViolationsAsync();
                if (kind == "scale")
                {
                    await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "questionnaire-scale-error-375.png"), FullPage = true });
                }
            }
            switch (kind)
            {
                case "grid":
                    foreach (var radio in await page.Locator("input[name^='Domains'][value='4']").AllAsync()) await radio.CheckAsync();
                    await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "questionnaire-grid-375.png"), FullPage = true });
                    break;
                case "yes/no":
                    await page.Locator("input[name='Value'][value='yes']").CheckAsync();
                    if (await page.Locator("#FollowUp").CountAsync() > 0)
                    {
                        await page.Locator("#FollowUp").FillAsync("Worried it may affect my references.");
                        await page.AssertNoViolationsAsync();
                    }
                    break;
                case "scale":
                case "choice":
                    await page.Locator("input[name='Value'][value='3']").CheckAsync();
                    break;
                case "minutes":
                    await page.Locator("#Value").FillAsync("45");
                    break;
                default:
                    await page.Locator("#Value").FillAsync("More protected time would help.");
                    break;
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
            await page.WaitForLoadStateAsync();
        }
        Assert.EndsWith("/check", page.Url);
    }

    private static async Task<string> KindAsync(IPage page)
    {
        if (await page.Locator("input[name^='Domains']").CountAsync() > 0) return "grid";
        if (await page.Locator("input[name='Value'][value='yes']").CountAsync() > 0) return "yes/no";
        if (await page.Locator("input[name='Value'][type='radio']").CountAsync() == 5 && await page.Locator("label", new() { HasText = "5 –" }).CountAsync() > 0) return "scale";
        if (await page.Locator("input[name='Value'][type='radio']").CountAsync() > 0) return "choice";
        if (await page.Locator("input#Value[type='text']").CountAsync() > 0) return "minutes";
        return "text";
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Web.Demo;

namespace Upward.Browser.Tests.PhaseOne;

/// <summary>
/// The anonymous route through phase 1 as its people meet it: the coordinator switches the programme
/// to anonymous feedback, mentors send theirs on a phone, the facilitator waits for the threshold,
/// builds the brief from the opened pool, clears the names it holds and releases it.
/// </summary>
public sealed class AnonymousFeedbackJourneyTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    private const string Mentee = "Dr Karen Walsh";

    [Fact]
    public async Task Mentors_send_sealed_feedback_that_opens_only_at_the_threshold_and_the_facilitator_releases_a_brief_without_names()
    {
        var programmeId = await upward.WithDbAsync(db => db.Programmes.Where(p => p.Name == DemoProgramme.ProgrammeName).Select(p => p.Id).SingleAsync());
        var menteeId = await upward.WithDbAsync(db => db.Enrolments
            .Where(e => e.ProgrammeId == programmeId)
            .Join(db.Users.Where(u => u.DisplayName == Mentee), e => e.UserId, u => u.Id, (e, _) => e.Id)
            .SingleAsync());

        var coordinator = await chromium.SignInAsync(upward, "coordinator");
        await coordinator.GotoAsync($"/programmes/{programmeId}/phase-one/settings");
        await coordinator.GetByLabel("Each mentor privately and anonymously").CheckAsync();
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await coordinator.Locator("#saved").WaitForAsync();

        // The first two mentors send theirs: the facilitator sees that they wait, and reads nothing.
        await SendAsync("mentor1", "Listens on the ward round and asks juniors what they think.", rating: "4");
        await SendAsync("mentor2", "Asked Dr Ben Carter to lead the handover, which the juniors valued.", rating: "5");

        var facilitator = await chromium.SignInAsync(upward, "facilitator");
        await facilitator.GotoAsync($"/programmes/{programmeId}/phase-one");
        Assert.Contains("Phase 1: feedback briefs", await facilitator.Locator("h1").InnerTextAsync());
        Assert.Contains("2 (at least 3 needed)", await facilitator.Locator("main").InnerTextAsync());
        await facilitator.AssertNoViolationsAsync();
        await facilitator.GotoAsync($"/programmes/{programmeId}/phase-one/mentees/{menteeId}/brief");
        var waiting = await facilitator.Locator("main").InnerTextAsync();
        Assert.Contains("2 of the 3 mentors needed have contributed", waiting);
        Assert.DoesNotContain("Listens on the ward round", waiting);
        Assert.Equal(0, await facilitator.GetByRole(AriaRole.Button, new() { Name = "Start the brief" }).CountAsync());
        await facilitator.AssertNoViolationsAsync();

        // The third opens all three together, in no order that follows sending.
        await SendAsync("mentor3", "Clinics overrun; a firm finish would help everyone.", rating: "3");
        await facilitator.ReloadAsync();
        Assert.Contains("3 mentors' contributions can be read", await facilitator.Locator("main").InnerTextAsync());
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Start the brief" }).ClickAsync();
        var draft = await facilitator.GetByLabel("Approach to juniors").InputValueAsync();
        Assert.Contains("Listens on the ward round", draft);
        Assert.Contains("Dr Ben Carter", draft);
        Assert.Contains("Clinics overrun", draft);
        Assert.Contains("from the anonymous ratings", await facilitator.Locator("main").InnerTextAsync());
        await facilitator.AssertNoViolationsAsync();

        // A participant's name in the brief holds up review until it is edited out.
        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Review and release" }).ClickAsync();
        Assert.Contains("Ben Carter", await facilitator.Locator("#names").InnerTextAsync());
        await facilitator.AssertNoViolationsAsync();
        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Edit the brief" }).First.ClickAsync();
        await facilitator.GetByLabel("Approach to juniors").FillAsync(
            "Listens on the ward round and asks juniors what they think; handing over the lead to a junior was valued. Clinics overrun; a firm finish would help everyone.");
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await facilitator.Locator("#saved").WaitForAsync();
        await facilitator.GetByRole(AriaRole.Link, new() { Name = "Review and release" }).ClickAsync();
        Assert.Equal(0, await facilitator.Locator("#names").CountAsync());
        await facilitator.GetByRole(AriaRole.Button, new() { Name = "Mark as reviewed" }).ClickAsync();
        await facilitator.Locator("#done").WaitForAsync();
        await facilitator.GetByRole(AriaRole.Button, new() { Name = $"Release to {Mentee}" }).ClickAsync();
        await facilitator.Locator("#done").Filter(new() { HasText = $"released to {Mentee}" }).WaitForAsync();

        var mentee = await chromium.SignInAsync(upward, "mentee5", phone: true);
        await mentee.GotoAsync($"/programmes/{programmeId}/feedback");
        var brief = await mentee.Locator("main").InnerTextAsync();
        Assert.Contains("a firm finish would help everyone", brief);
        foreach (var name in new[] { "Dr Amira Hassan", "Dr Ben Carter", "Dr Chloe Evans" })
        {
            Assert.DoesNotContain(name, brief);
        }
        await mentee.AssertNoViolationsAsync();
        await mentee.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "phase-one-anonymous-mentee-brief-phone.png"), FullPage = true });

        // Someone who is not a mentor cannot send feedback, and a mentor cannot read the desk.
        var asMentee = await mentee.GotoAsync($"/programmes/{programmeId}/phase-one/contribute/{menteeId}");
        Assert.Equal(403, asMentee!.Status);
        var mentor = await chromium.SignInAsync(upward, "mentor4");
        var desk = await mentor.GotoAsync($"/programmes/{programmeId}/phase-one/mentees/{menteeId}/brief");
        Assert.Equal(403, desk!.Status);
        await mentor.AssertNoViolationsAsync();
    }

    /// <summary>A mentor sends feedback on the mentee from a phone, once; the page then says it was sent and cannot be sent again.</summary>
    private async Task SendAsync(string who, string comment, string rating)
    {
        var page = await chromium.SignInAsync(upward, who, phone: true);
        await page.GetByRole(AriaRole.Link, new() { Name = DemoProgramme.ProgrammeName }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Anonymous feedback" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Give feedback on {Mentee}" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByLabel("Your comments on approach to juniors (optional)").FillAsync(comment);
        await page.GetByRole(AriaRole.Group, new() { Name = "Your rating for approach to juniors (optional)" }).GetByLabel(rating, new() { Exact = true }).CheckAsync();
        if (who == "mentor1")
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "phase-one-anonymous-contribute-phone.png"), FullPage = true });
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Send without my name" }).ClickAsync();
        await page.Locator("#sent").WaitForAsync();
        Assert.Contains("Sent", await page.Locator("main li", new() { HasText = Mentee }).InnerTextAsync());
        await page.AssertNoViolationsAsync();
        // Going back to the form finds it closed: a ballot cannot be sent twice or read back.
        await page.GoBackAsync();
        await page.ReloadAsync();
        await page.Locator("#already-sent").WaitForAsync();
        await page.Context.CloseAsync();
    }
}

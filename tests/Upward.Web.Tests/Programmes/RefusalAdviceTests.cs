using System.Net;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Programmes;

/// <summary>A refusal says what fits the person refused, and the status codes stay as they were (403, 404, a redirect to sign in).</summary>
public sealed class RefusalAdviceTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    /// <summary>Follows the refusal's redirect to the access-denied page, as a browser would.</summary>
    private static async Task<(HttpStatusCode Status, string Html)> RefusedAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        DemoPeople.AssertRefused(response, url);
        var page = await client.GetAsync(response.Headers.Location);
        return (page.StatusCode, WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_mentee_refused_a_coordinator_page_is_told_who_runs_the_programme_and_sent_back_to_its_page()
    {
        var id = await factory.ProgrammeIdAsync();
        var (status, html) = await RefusedAsync(await factory.AsAsync("mentee1"), $"/programmes/{id}/people");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains($"You take part in {DemoProgramme.ProgrammeName} as a mentee.", html);
        Assert.Contains($"{DemoProgramme.ProgrammeName} is run by Dr Priya Shah. If you think you need this page, ask them.", html);
        Assert.Contains($"<a href=\"/programmes/{id}\">Go to the programme page</a>", html);
    }

    [Fact]
    public async Task The_administrator_refused_a_page_for_the_programmes_own_people_is_told_so_and_whom_to_ask()
    {
        var id = await factory.ProgrammeIdAsync();
        var (status, html) = await RefusedAsync(await factory.AsAsync("admin"), $"/programmes/{id}/evaluation");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("As your organisation's administrator you can set up and run", html);
        Assert.Contains("ask them to add you to the programme", html);
        Assert.Contains("Dr Priya Shah", html);
        Assert.Contains($"href=\"/programmes/{id}\"", html);
    }

    [Fact]
    public async Task A_participant_refused_an_administration_page_is_told_who_the_administrators_are()
    {
        var (status, html) = await RefusedAsync(await factory.AsAsync("mentor2"), "/admin/audit");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("Only your organisation's administrators can open this page.", html);
        Assert.Contains("ask Alex Morgan (administrator)", html);
    }

    [Fact]
    public async Task Someone_not_in_the_programme_gets_page_not_found_advised_to_ask_for_an_invitation_and_learns_nothing_of_it()
    {
        var id = await factory.ProgrammeIdAsync();
        var outsider = await factory.AsAsync(DemoPeople.OutsiderEmail);
        var response = await outsider.GetAsync($"/programmes/{id}/people");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ask its coordinator to invite you", html);
        Assert.DoesNotContain(DemoProgramme.ProgrammeName, html);

        // Nor does naming the programme to the access-denied page reveal it.
        var crafted = await outsider.GetAsync($"/account/access-denied?ReturnUrl=/programmes/{id}/people");
        var craftedHtml = WebUtility.HtmlDecode(await crafted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, crafted.StatusCode);
        Assert.DoesNotContain(DemoProgramme.ProgrammeName, craftedHtml);
        Assert.DoesNotContain("Dr Priya Shah", craftedHtml);
    }

    [Fact]
    public async Task A_signed_out_person_is_sent_to_sign_in()
    {
        var id = await factory.ProgrammeIdAsync();
        var client = factory.Browser();
        var programme = await client.GetAsync($"/programmes/{id}/people");
        Assert.Equal(HttpStatusCode.Redirect, programme.StatusCode);
        Assert.Contains("/account/sign-in", programme.Headers.Location?.OriginalString);

        var denied = await client.GetAsync($"/account/access-denied?ReturnUrl=/programmes/{id}/people");
        var html = WebUtility.HtmlDecode(await denied.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("You need to sign in to open this page.", html);
        Assert.Contains($"href=\"/account/sign-in?ReturnUrl=%2Fprogrammes%2F{id}%2Fpeople\"", html);
        Assert.DoesNotContain(DemoProgramme.ProgrammeName, html);
    }
}

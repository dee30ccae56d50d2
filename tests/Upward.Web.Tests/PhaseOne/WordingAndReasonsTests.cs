using System.Net;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.PhaseOne;

/// <summary>Willingness reasons stay with the programme's coordinators (issue 16).</summary>
public sealed class WillingnessReasonsTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private const string DemoReason = "They supervise me and sign off my portfolio.";

    [Fact]
    public async Task An_organisation_administrator_sees_the_answers_but_not_the_reasons_of_a_programme_they_do_not_coordinate()
    {
        // The demo's reason is mentor4's, about the mentee who supervises them: it is on mentor4's answers.
        var url = $"/programmes/{await factory.ProgrammeIdAsync()}/phase-one/willingness/all?person={await factory.EnrolmentIdAsync("mentor4")}";
        var coordinator = await (await factory.AsAsync("coordinator")).GetStringAsync(url);
        Assert.Contains(DemoReason, System.Net.WebUtility.HtmlDecode(coordinator));

        var response = await (await factory.AsAsync("admin")).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var admin = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(DemoReason, admin);
        Assert.DoesNotContain("Reason:", admin);
        Assert.Contains("shown only to the programme's coordinators", admin);
    }
}

/// <summary>In anonymous mode the pages say "anonymous feedback", never "group feedback".</summary>
public sealed class AnonymousWordingTests(AnonymousDemoFactory factory) : IClassFixture<AnonymousDemoFactory>
{
    [Fact]
    public async Task Anonymous_mode_pages_say_anonymous_feedback()
    {
        await factory.SwitchToAnonymousAsync();
        var id = await factory.ProgrammeIdAsync();
        var mentee = await factory.EnrolmentIdAsync("mentee1");
        var pages = new (string Who, string Url)[]
        {
            ("facilitator", $"/programmes/{id}/phase-one"),
            ("facilitator", $"/programmes/{id}/phase-one/mentees/{mentee}/brief"),
            ("mentor1", $"/programmes/{id}/phase-one/contribute"),
            ("mentor1", $"/programmes/{id}/phase-one/contribute/{mentee}"),
            ("mentee1", $"/programmes/{id}/feedback"),
        };
        foreach (var (who, url) in pages)
        {
            var html = await (await factory.AsAsync(who)).GetStringAsync(url);
            Assert.DoesNotContain("group feedback", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("group session", html, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("Phase 1: anonymous feedback", await (await factory.AsAsync("facilitator")).GetStringAsync(pages[0].Url));
    }
}

using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.Auditing;
using Upward.Core.Organisations;
using Upward.Core.Programmes;
using Upward.Data.Identity;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Programmes;

/// <summary>Every programme page refuses a non-member, another organisation's member and the wrong role.</summary>
public sealed class ProgrammePageAccessTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private const string OutsiderEmail = DemoPeople.OutsiderEmail;

    private Task<Guid> DemoProgrammeIdAsync() => factory.ProgrammeIdAsync();

    private Task<HttpClient> AsAsync(string localPartOrEmail) => factory.AsAsync(localPartOrEmail);

    private Task EnsureOutsiderAsync() => factory.EnsureOutsiderAsync();

    /// <summary>Every GET handler under a programme, read from the running app's endpoints.</summary>
    private async Task<IReadOnlyList<ProgrammeHandler>> PagesAsync() => (await ProgrammeEndpoints.ListAsync(factory)).Where(h => h.IsGet).ToList();

    [Theory]
    [InlineData("mentor1")]
    [InlineData("mentee1")]
    [InlineData("facilitator")]
    [InlineData("researcher")]
    [InlineData("coordinator")]
    public async Task Each_member_is_refused_every_page_their_roles_do_not_allow(string who)
    {
        var (ids, _) = await DemoRouteValues.ForAsync(factory);
        var roles = await factory.RolesAsync(who);
        Assert.NotEmpty(roles);
        var client = await AsAsync(who);
        var refused = (await PagesAsync()).Where(h => !ProgrammeAccess.Allows(h.Capability!.Value, roles, isOrganisationAdmin: false)).ToList();
        Assert.NotEmpty(refused);
        foreach (var page in refused)
        {
            var response = await client.GetAsync(page.Url(ids));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/access-denied") == true,
                $"{who} {page}: expected access denied, got {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Theory]
    [InlineData("coordinator")]
    [InlineData("admin")]
    public async Task Coordinator_and_admin_may_open_every_page_that_needs_only_manage_rights(string who)
    {
        var (ids, _) = await DemoRouteValues.ForAsync(factory);
        var client = await AsAsync(who);
        var pages = (await PagesAsync()).Where(h => h.Capability == ProgrammeCapability.Manage && h.Handler is null).ToList();
        Assert.Contains(pages, p => p.Route.EndsWith("/settings", StringComparison.Ordinal));
        foreach (var page in pages)
        {
            var response = await client.GetAsync(page.Url(ids));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{who} {page}: expected 200, got {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task Another_organisation_gets_not_found_from_every_page_even_as_its_own_admin()
    {
        await EnsureOutsiderAsync();
        var (ids, _) = await DemoRouteValues.ForAsync(factory);
        var client = await AsAsync(OutsiderEmail);
        foreach (var page in await PagesAsync())
        {
            var response = await client.GetAsync(page.Url(ids));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{page}: expected 404, got {(int)response.StatusCode}");
            Assert.DoesNotContain(DemoProgramme.ProgrammeName, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Signed_out_visitor_is_sent_to_sign_in()
    {
        var id = await DemoProgrammeIdAsync();
        var response = await factory.Browser().GetAsync($"/programmes/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_member_sees_the_overview_with_the_study_domains_but_no_coordinator_links()
    {
        var id = await DemoProgrammeIdAsync();
        var html = await (await AsAsync("mentee2")).GetStringAsync($"/programmes/{id}");

        Assert.Contains("Approach to juniors", html);
        Assert.DoesNotContain("/people\"", html);
        Assert.DoesNotContain("/settings\"", html);
    }

    [Fact]
    public async Task Settings_post_from_a_mentor_changes_nothing()
    {
        var id = await DemoProgrammeIdAsync();
        var coordinator = await AsAsync("coordinator");
        var mentor = await AsAsync("mentor2");
        var fields = new Dictionary<string, string> { ["Input.Name"] = "Hijacked", ["Input.AnonymityThreshold"] = "2", ["Input.SessionTimeLimitMinutes"] = "60", ["Input.TimeZone"] = "Europe/London", ["Input.RetentionMonths"] = "24" };

        // The mentor borrows a form token from a page they may open, then posts to settings.
        var response = await mentor.SubmitAsync("/", fields, $"/programmes/{id}/settings");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DemoProgramme.ProgrammeName, await factory.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => p.Name).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/programmes/{id}/settings")).StatusCode);
    }

    [Fact]
    public async Task Settings_bad_input_shows_each_error_and_saves_nothing()
    {
        var id = await DemoProgrammeIdAsync();
        var client = await AsAsync("coordinator");
        var response = await client.SubmitAsync($"/programmes/{id}/settings", new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.AnonymityThreshold"] = "1", ["Input.SessionTimeLimitMinutes"] = "lots",
            ["Input.TimeZone"] = "Mars/Olympus", ["Input.RetentionMonths"] = "24",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nhsuk-error-summary", html);
        Assert.Contains("Enter a name for the programme", html);
        Assert.Contains("The fewest people must be between 2 and 50", html);
        Assert.Contains("Enter a whole number", html);
        Assert.Contains("Enter a time zone Upward knows", html);
        Assert.Equal(3, await factory.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => p.AnonymityThreshold).SingleAsync()));
    }

    [Fact]
    public async Task Only_an_organisation_admin_may_start_a_programme_and_it_is_audited()
    {
        var refused = await (await AsAsync("coordinator")).GetAsync("/programmes/new");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/access-denied", refused.Headers.Location?.OriginalString);

        var admin = await AsAsync("admin");
        var empty = await admin.SubmitAsync("/programmes/new", new Dictionary<string, string> { ["Input.Name"] = "" });
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        Assert.Contains("Enter a name for the programme", emptyHtml);
        Assert.Contains("Select the kind of programme", emptyHtml);

        var created = await admin.SubmitAsync("/programmes/new", new Dictionary<string, string> { ["Input.Name"] = "Digital skills 2027", ["Input.Type"] = "DigitalSkills" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var overview = await admin.GetStringAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("Digital skills 2027", overview);
        Assert.Contains("Electronic patient records", overview);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.ProgrammeCreated)));
    }
}

using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.Auditing;
using Upward.Core.Organisations;
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

    public static TheoryData<string> CoordinatorPages => new() { "/people", "/settings" };

    [Theory]
    [MemberData(nameof(CoordinatorPages))]
    public async Task Coordinator_pages_refuse_mentors_mentees_facilitators_and_researchers(string page)
    {
        var id = await DemoProgrammeIdAsync();
        foreach (var who in new[] { "mentor1", "mentee1", "facilitator", "researcher" })
        {
            var response = await (await AsAsync(who)).GetAsync($"/programmes/{id}{page}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/access-denied", response.Headers.Location?.OriginalString);
        }
    }

    [Theory]
    [MemberData(nameof(CoordinatorPages))]
    public async Task Coordinator_and_admin_may_open_coordinator_pages(string page)
    {
        var id = await DemoProgrammeIdAsync();
        foreach (var who in new[] { "coordinator", "admin" })
        {
            var response = await (await AsAsync(who)).GetAsync($"/programmes/{id}{page}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("/people")]
    [InlineData("/settings")]
    public async Task Another_organisation_gets_not_found_even_as_its_own_admin(string page)
    {
        await EnsureOutsiderAsync();
        var id = await DemoProgrammeIdAsync();
        var response = await (await AsAsync(OutsiderEmail)).GetAsync($"/programmes/{id}{page}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(DemoProgramme.ProgrammeName, await response.Content.ReadAsStringAsync());
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

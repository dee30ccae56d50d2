using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Programmes;

/// <summary>The home page: an administrator sees the organisation's programmes and starts one; a coordinator sees those they run; a participant their own.</summary>
public sealed class OrganisationHomeTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task The_administrator_sees_every_programme_of_the_organisation_with_its_type_and_stage_and_can_start_one()
    {
        var id = await factory.ProgrammeIdAsync();
        // The pilot imported from a bundle (the demo's third programme, Patient as mentor, is not it).
        var pilot = await factory.WithDbAsync(db => db.Programmes.Where(p => p.Id != id && p.Name != Upward.Web.Demo.DemoPatientMentors.ProgrammeName).Select(p => new { p.Id, p.Name }).SingleAsync());
        var html = WebUtility.HtmlDecode(await (await factory.AsAsync("admin")).GetStringAsync("/"));

        Assert.Contains("Your organisation's programmes", html);
        Assert.Contains($"<a href=\"/programmes/{id}\">{DemoProgramme.ProgrammeName}</a>", html);
        Assert.Contains($"<a href=\"/programmes/{pilot.Id}\">{pilot.Name}</a>", html);
        Assert.Contains("Clinical feedback", html);
        Assert.Contains("Running", html);
        Assert.Contains("6 mentors, 5 mentees", html);
        Assert.Contains(Upward.Web.Demo.DemoPatientMentors.ProgrammeName, html);
        Assert.Matches("<a class=\"nhsuk-button\"[^>]* href=\"/programmes/new\"", html);
        Assert.DoesNotContain("You are not part of any programme yet", html);
    }

    [Fact]
    public async Task An_administrator_of_an_organisation_with_no_programme_is_offered_to_start_one_and_sees_no_other_organisations()
    {
        var html = WebUtility.HtmlDecode(await (await factory.AsAsync(DemoPeople.OutsiderEmail)).GetStringAsync("/"));

        Assert.Contains("Your organisation has no programmes yet", html);
        Assert.Contains("href=\"/programmes/new\"", html);
        Assert.DoesNotContain(DemoProgramme.ProgrammeName, html);
        Assert.DoesNotContain("You are not part of any programme yet", html);
    }

    [Fact]
    public async Task A_coordinator_sees_the_programmes_they_run_and_is_told_who_starts_new_ones()
    {
        var id = await factory.ProgrammeIdAsync();
        var html = WebUtility.HtmlDecode(await (await factory.AsAsync("coordinator")).GetStringAsync("/"));

        Assert.Contains("Programmes you run", html);
        Assert.Contains($"<a href=\"/programmes/{id}\">{DemoProgramme.ProgrammeName}</a>", html);
        Assert.Contains("ask your organisation's administrator", html);
        Assert.DoesNotContain("href=\"/programmes/new\"", html);
    }

    [Fact]
    public async Task A_participant_sees_only_the_programmes_they_take_part_in()
    {
        var id = await factory.ProgrammeIdAsync();
        var html = WebUtility.HtmlDecode(await (await factory.AsAsync("mentee2")).GetStringAsync("/"));

        Assert.Contains("Programmes you take part in", html);
        Assert.Contains($"href=\"/programmes/{id}\"", html);
        Assert.Contains("You are taking part as mentee", html);
        Assert.DoesNotContain("id=\"programmes-run\"", html);
        Assert.DoesNotContain("/programmes/new", html);
    }
}

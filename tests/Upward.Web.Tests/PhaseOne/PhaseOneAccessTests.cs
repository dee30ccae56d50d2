using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.PhaseOne;

/// <summary>Every phase 1 page lets in exactly the roles Core names, and refuses everyone else.</summary>
public sealed class PhaseOneAccessTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    /// <summary>Page (with {mentee} for mentee1's enrolment), who may open it, who may not.</summary>
    public static TheoryData<string, string[], string[]> Pages => new()
    {
        { "/phase-one/willingness", ["mentor1"], ["mentee1", "facilitator", "coordinator", "researcher", "admin"] },
        { "/phase-one/willingness/all", ["coordinator", "admin"], ["mentor1", "mentee1", "facilitator", "researcher"] },
        { "/phase-one", ["facilitator", "coordinator"], ["mentor1", "mentee1", "researcher", "admin"] },
        { "/phase-one/mentees/{mentee}/notes", ["facilitator", "coordinator"], ["mentor1", "mentee1", "mentee2", "researcher", "admin"] },
        { "/phase-one/mentees/{mentee}/brief", ["facilitator", "coordinator"], ["mentor1", "mentee2", "researcher", "admin"] },
        { "/phase-one/mentees/{mentee}/release", ["facilitator", "coordinator"], ["mentor1", "mentee2", "researcher", "admin"] },
        { "/phase-one/contribute", ["mentor1"], ["mentee1", "facilitator", "coordinator", "researcher", "admin"] },
        { "/phase-one/contribute/{mentee}", ["mentor1"], ["mentee2", "facilitator", "coordinator", "researcher", "admin"] },
        { "/feedback", ["mentee1"], ["mentor1", "facilitator", "coordinator", "researcher", "admin"] },
        { "/phase-one/rather-not-meet", ["mentee1"], ["mentor1", "facilitator", "coordinator", "researcher", "admin"] },
        { "/phase-one/would-like-to-meet", ["mentee1"], ["mentor1", "facilitator", "coordinator", "researcher", "admin"] },
        { "/phase-one/settings", ["coordinator", "admin"], ["mentor1", "mentee1", "facilitator", "researcher"] },
    };

    private async Task<string> UrlAsync(string page) =>
        $"/programmes/{await factory.ProgrammeIdAsync()}{page.Replace("{mentee}", (await factory.EnrolmentIdAsync("mentee1")).ToString())}";

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_admits_its_roles_and_refuses_the_rest(string page, string[] allowed, string[] refused)
    {
        var url = await UrlAsync(page);
        foreach (var who in allowed)
        {
            DemoPeople.AssertAllowed(await (await factory.AsAsync(who)).GetAsync(url), $"{who} on {page}");
        }
        foreach (var who in refused)
        {
            DemoPeople.AssertRefused(await (await factory.AsAsync(who)).GetAsync(url), $"{who} on {page}");
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Another_organisation_and_signed_out_visitors_get_nothing(string page, string[] allowed, string[] refused)
    {
        _ = (allowed, refused);
        var url = await UrlAsync(page);
        var outsider = await (await factory.AsAsync(DemoPeople.OutsiderEmail)).GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);

        var anonymous = await factory.Browser().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/sign-in", anonymous.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/phase-one/mentees/{id}/notes")]
    [InlineData("/phase-one/mentees/{id}/brief")]
    [InlineData("/phase-one/contribute/{id}")]
    public async Task A_tampered_mentee_id_is_not_found(string page)
    {
        var programmeId = await factory.ProgrammeIdAsync();
        var who = page.Contains("contribute") ? "mentor1" : "facilitator";
        var client = await factory.AsAsync(who);
        foreach (var id in new[] { Guid.NewGuid(), await factory.EnrolmentIdAsync("mentor2") })
        {
            var response = await client.GetAsync($"/programmes/{programmeId}{page.Replace("{id}", id.ToString())}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_mentor_posting_group_notes_with_a_borrowed_token_changes_nothing()
    {
        var programmeId = await factory.ProgrammeIdAsync();
        var mentee = await factory.EnrolmentIdAsync("mentee5");
        var domain = await factory.WithDbAsync(db => db.ProgrammeDomains.Where(d => d.ProgrammeId == programmeId).OrderBy(d => d.Position).Select(d => d.Id).FirstAsync());
        var mentor = await factory.AsAsync("mentor1");

        var response = await mentor.SubmitAsync($"/programmes/{programmeId}/phase-one/willingness",
            new Dictionary<string, string> { ["Notes[0].DomainId"] = domain.ToString(), ["Notes[0].Points"] = "Forged" },
            $"/programmes/{programmeId}/phase-one/mentees/{mentee}/notes");

        DemoPeople.AssertRefused(response, "mentor posting notes");
        Assert.False(await factory.WithDbAsync(db => db.GroupNotes.AnyAsync(n => n.Points == "Forged")));
    }

    [Fact]
    public async Task The_overview_shows_each_person_only_their_phase_one_links()
    {
        var programmeId = await factory.ProgrammeIdAsync();
        var mentee = await (await factory.AsAsync("mentee1")).GetStringAsync($"/programmes/{programmeId}");
        Assert.Contains("Your feedback", mentee);
        Assert.DoesNotContain("willing", mentee, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Feedback briefs", mentee);

        var mentor = await (await factory.AsAsync("mentor1")).GetStringAsync($"/programmes/{programmeId}");
        Assert.Contains("Whom you are willing to mentor", mentor);
        Assert.DoesNotContain("Mentors&#x27; willingness", mentor);
        Assert.DoesNotContain("Your feedback", mentor);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Allocation;

/// <summary>Department, specialty and topics: chosen from the coordinator's lists, by mentors and mentees only.</summary>
public sealed class YourWorkTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task A_mentor_chooses_from_the_programmes_lists_and_the_answers_are_kept_for_allocation_only()
    {
        var id = await factory.ProgrammeIdAsync();
        var leadership = await factory.WithDbAsync(db => db.ProgrammeDomains.Where(d => d.ProgrammeId == id).OrderBy(d => d.Position).Select(d => d.Id).FirstAsync());
        var mentor = await factory.AsAsync("mentor2");

        var saved = await mentor.SubmitAsync($"/programmes/{id}/your-work", new Dictionary<string, string>
        {
            ["Input.Department"] = "Surgical assessment unit", ["Input.Specialty"] = "none", ["Input.Topics"] = leadership.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var me = await factory.EnrolmentIdAsync("mentor2");
        var enrolment = await factory.WithDbAsync(db => db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == me));
        Assert.Equal("Surgical assessment unit", enrolment.Department);
        Assert.Null(enrolment.Specialty);
        Assert.Equal([leadership], enrolment.TopicDomainIds);
        Assert.Contains("Surgical assessment unit", await mentor.GetStringAsync($"/programmes/{id}/my-data"));
    }

    [Fact]
    public async Task A_department_not_on_the_list_is_refused_with_the_error_summary_and_nothing_changes()
    {
        var id = await factory.ProgrammeIdAsync();
        var me = await factory.EnrolmentIdAsync("mentee3");
        var before = await factory.WithDbAsync(db => db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == me));
        var mentee = await factory.AsAsync("mentee3");

        var response = await mentee.SubmitAsync($"/programmes/{id}/your-work", new Dictionary<string, string>
        {
            ["Input.Department"] = "Mars base", ["Input.Specialty"] = "Acute medicine", ["Input.Topics"] = Guid.NewGuid().ToString(),
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nhsuk-error-summary", html);
        Assert.Contains("Select a department from the list", html);
        Assert.Contains("The list of topics has changed since the page was opened", html);
        var after = await factory.WithDbAsync(db => db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == me));
        Assert.Equal((before.Department, before.Specialty), (after.Department, after.Specialty));
        Assert.Equal(before.TopicDomainIds, after.TopicDomainIds);
    }

    [Theory]
    [InlineData("coordinator")]
    [InlineData("facilitator")]
    [InlineData("researcher")]
    [InlineData("admin")]
    public async Task Only_mentors_and_mentees_describe_their_work(string who)
    {
        var id = await factory.ProgrammeIdAsync();
        DemoPeople.AssertRefused(await (await factory.AsAsync(who)).GetAsync($"/programmes/{id}/your-work"), who);
        DemoPeople.AssertAllowed(await (await factory.AsAsync("mentee1")).GetAsync($"/programmes/{id}/your-work"), "mentee1");
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.AsAsync(DemoPeople.OutsiderEmail)).GetAsync($"/programmes/{id}/your-work")).StatusCode);
    }

}

/// <summary>The coordinator's lists, on a demo of their own because saving them changes every participant's choices.</summary>
public sealed class ProgrammeListsTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task The_coordinator_sets_the_lists_one_per_line_trimmed_and_without_repeats()
    {
        var id = await factory.ProgrammeIdAsync();
        var coordinator = await factory.AsAsync("coordinator");
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = DemoProgramme.ProgrammeName, ["Input.AnonymityThreshold"] = "3", ["Input.SessionTimeLimitMinutes"] = "60",
            ["Input.TimeZone"] = "Europe/London", ["Input.RetentionMonths"] = "24", ["Input.SupervisorRule"] = "Allowed",
            ["Input.MenteesPerMentor"] = "1", ["Input.SessionsPerPair"] = "1",
            ["Input.Departments"] = "  Theatres \r\nOutpatients\r\n\r\ntheatres\r\n", ["Input.Specialties"] = new string('x', 121),
        };

        var refused = await (await coordinator.SubmitAsync($"/programmes/{id}/settings", fields)).Content.ReadAsStringAsync();
        Assert.Contains("Each specialty must be 120 characters or fewer", refused);
        Assert.Contains("Outpatients", refused);

        fields["Input.Specialties"] = "Anaesthetics";
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync($"/programmes/{id}/settings", fields)).StatusCode);
        var programme = await factory.WithDbAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(["Theatres", "Outpatients"], programme.Departments);
        Assert.Equal(["Anaesthetics"], programme.Specialties);

        // Someone who chose a department since removed still sees it, so their answer is not lost unseen.
        // (mentee1, first in code order, works in the demo's first department.)
        var page = await (await factory.AsAsync("mentee1")).GetStringAsync($"/programmes/{id}/your-work");
        Assert.Contains("Emergency department", page);
        Assert.Contains("Theatres", page);
    }
}

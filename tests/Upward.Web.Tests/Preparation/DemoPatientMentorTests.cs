using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Preparation;

/// <summary>The demo's "Patient as mentor" programme shows issue 22's features to someone trying --demo.</summary>
public sealed class DemoPatientMentorTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private Task<Guid> ProgrammeIdAsync() =>
        factory.WithDbAsync(db => db.Programmes.Where(p => p.Name == DemoPatientMentors.ProgrammeName).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task The_patient_mentor_sees_the_safeguarding_contact_their_modules_and_their_claim()
    {
        var id = await ProgrammeIdAsync();
        var patient = await factory.AsAsync("patient1");
        var preparation = await patient.GetStringAsync($"/programmes/{id}/preparation");
        Assert.Contains(DemoPatientMentors.SafeguardingContact, preparation);
        Assert.Contains("For patient and carer mentors", preparation);
        Assert.Contains("8.40", await patient.GetStringAsync($"/programmes/{id}/expenses"));
        // No staff questions for a patient mentor.
        Assert.DoesNotContain("Staff group", await patient.GetStringAsync($"/programmes/{id}/about-you"));
    }

    [Fact]
    public async Task The_coordinator_sees_who_is_not_ready_and_why_and_the_mentee_has_done_their_module()
    {
        var id = await ProgrammeIdAsync();
        var readiness = await (await factory.AsAsync("coordinator")).GetStringAsync($"/programmes/{id}/preparation/readiness");
        Assert.Contains("Margaret Hughes", readiness);
        Assert.Contains("not done (Psychological safety", readiness, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("1 of 1", readiness);
        var consultant = await factory.AsAsync("consultant1");
        Assert.Contains("You have finished this module", await consultant.GetStringAsync($"/programmes/{id}/preparation/for-mentees"));
        Assert.Equal(HttpStatusCode.OK, (await consultant.GetAsync($"/programmes/{id}/colleague-feedback")).StatusCode);
        // The pilot-shaped programme the other demo accounts use is unchanged: the patient mentor is not in it.
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.AsAsync("patient1")).GetAsync($"/programmes/{await factory.ProgrammeIdAsync()}")).StatusCode);
    }
}

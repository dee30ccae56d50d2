using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.People;
using Upward.Core.Programmes;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.People;

public sealed class RelationshipAndApplicationTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    private async Task<Guid> EnrolmentIdAsync(string code)
    {
        var programmeId = await ProgrammeIdAsync();
        return await Factory.WithDbAsync(db => db.Enrolments.Where(e => e.ProgrammeId == programmeId && e.ParticipantCode == code).Select(e => e.Id).SingleAsync());
    }

    [Fact]
    public async Task Coordinator_records_a_conflict_of_interest_by_participant_codes_and_refuses_wrong_ones()
    {
        var id = await ProgrammeIdAsync();
        var coordinator = await AsAsync("coordinator");
        var mentor = await EnrolmentIdAsync("MR-01");
        var mentee = await EnrolmentIdAsync("ME-02");

        var tampered = await (await coordinator.SubmitAsync($"/programmes/{id}/relationships", new Dictionary<string, string>
        {
            ["Input.MentorEnrolmentId"] = mentee.ToString(), ["Input.MenteeEnrolmentId"] = Guid.NewGuid().ToString(), ["Input.Kind"] = "ConflictOfInterest",
        }, $"/programmes/{id}/relationships?handler=Add")).Content.ReadAsStringAsync();
        Assert.Contains("ME-02 is a mentee, not a mentor", tampered);
        Assert.Contains("This mentee is not in this programme", tampered);
        Assert.Contains("nhsuk-error-summary", tampered);

        // Typed codes: an unknown one and a missing one are told on their fields, and nothing is recorded.
        var unknown = await (await coordinator.SubmitAsync($"/programmes/{id}/relationships", new Dictionary<string, string>
        {
            ["Input.MentorEnrolmentId"] = "MR-99", ["Input.MenteeEnrolmentId"] = "", ["Input.Kind"] = "ConflictOfInterest",
        }, $"/programmes/{id}/relationships?handler=Add")).Content.ReadAsStringAsync();
        Assert.Contains("No one in this programme has the participant code MR-99", unknown);
        Assert.Contains("Enter the mentee&#x27;s participant code", unknown);
        Assert.Contains("value=\"MR-99\"", unknown);
        Assert.False(await Factory.WithDbAsync(db => db.Relationships.AnyAsync(r => r.MentorEnrolmentId == mentor && r.MenteeEnrolmentId == mentee)));

        // A code in any case, with spaces around it, finds the person.
        var added = await coordinator.SubmitAsync($"/programmes/{id}/relationships", new Dictionary<string, string>
        {
            ["Input.MentorEnrolmentId"] = " mr-01 ", ["Input.MenteeEnrolmentId"] = "ME-02", ["Input.Kind"] = "ConflictOfInterest",
        }, $"/programmes/{id}/relationships?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.True(await Factory.WithDbAsync(db => db.Relationships.AnyAsync(r =>
            r.MentorEnrolmentId == mentor && r.MenteeEnrolmentId == mentee && r.Kind == RelationshipKind.ConflictOfInterest)));
        Assert.Contains("Conflict of interest", await coordinator.GetStringAsync($"/programmes/{id}/relationships"));
    }

    [Fact]
    public async Task Open_recruitment_takes_applications_until_the_closing_date_and_approval_invites()
    {
        var id = await ProgrammeIdAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.Browser().GetAsync($"/apply/{id}")).StatusCode);

        var coordinator = await AsAsync("coordinator");
        var past = await (await coordinator.SubmitAsync($"/programmes/{id}/applications",
            new Dictionary<string, string> { ["Input.Day"] = "1", ["Input.Month"] = "1", ["Input.Year"] = "2020" }, $"/programmes/{id}/applications?handler=Open")).Content.ReadAsStringAsync();
        Assert.Contains("The closing date must be today or in the future", past);
        var nonsense = await (await coordinator.SubmitAsync($"/programmes/{id}/applications",
            new Dictionary<string, string> { ["Input.Day"] = "31", ["Input.Month"] = "2", ["Input.Year"] = "2030" }, $"/programmes/{id}/applications?handler=Open")).Content.ReadAsStringAsync();
        Assert.Contains("Enter a real date", nonsense);

        var year = DateTime.UtcNow.Year + 1;
        await coordinator.SubmitAsync($"/programmes/{id}/applications",
            new Dictionary<string, string> { ["Input.Day"] = "31", ["Input.Month"] = "1", ["Input.Year"] = year.ToString() }, $"/programmes/{id}/applications?handler=Open");

        var applicant = Factory.Browser();
        var empty = await (await applicant.SubmitAsync($"/apply/{id}", new Dictionary<string, string>())).Content.ReadAsStringAsync();
        Assert.Contains("Enter why you would like to take part", empty);
        var sent = await applicant.SubmitAsync($"/apply/{id}", new Dictionary<string, string>
        {
            ["Input.Name"] = "Carol Carer", ["Input.Email"] = "carol@example.com", ["Input.Role"] = "Mentor", ["Input.Statement"] = "I care for my father and want clinicians to hear what clinic days are like.",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("Application sent", await applicant.GetStringAsync(sent.Headers.Location!.OriginalString));

        var page = await coordinator.GetStringAsync($"/programmes/{id}/applications");
        Assert.Contains("I care for my father", page);
        var applicationId = await Factory.WithDbAsync(db => db.Applications.Where(a => a.Email == "carol@example.com").Select(a => a.Id).SingleAsync());
        var approved = await coordinator.SubmitAsync($"/programmes/{id}/applications",
            new Dictionary<string, string> { ["applicationId"] = applicationId.ToString(), ["approve"] = "true" }, $"/programmes/{id}/applications?handler=Decide");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(ApplicationStatus.Approved, await Factory.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync()));
        var invitation = await Factory.WithDbAsync(db => db.Invitations.SingleAsync(i => i.Email == "carol@example.com"));
        Assert.Equal(ProgrammeRole.Mentor, invitation.Role);
        Assert.Contains(Factory.Sent(), m => m.To.Mailboxes.Any(b => b.Address == "carol@example.com") && (m.Subject ?? "").StartsWith("Invitation", StringComparison.Ordinal));

        // A second click changes nothing.
        await coordinator.SubmitAsync($"/programmes/{id}/applications",
            new Dictionary<string, string> { ["applicationId"] = applicationId.ToString(), ["approve"] = "false" }, $"/programmes/{id}/applications?handler=Decide");
        Assert.Equal(ApplicationStatus.Approved, await Factory.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync()));
    }
}

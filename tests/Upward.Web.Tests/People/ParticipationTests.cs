using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.People;
using Upward.Core.Programmes;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.People;

public sealed class ParticipationTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    private Task<Enrolment> EnrolmentOfAsync(string localPart) => Factory.WithDbAsync(db =>
        db.Enrolments.SingleAsync(e => db.Users.Any(u => u.Id == e.UserId && u.Email == DemoProgramme.EmailOf(localPart))));

    [Fact]
    public async Task Consent_needs_an_answer_to_each_question_and_declining_to_take_part_is_recorded()
    {
        var id = await ProgrammeIdAsync();
        var mentee = await AsAsync("mentee5");
        var decisionsBefore = await Factory.WithDbAsync(db => db.ConsentDecisions.CountAsync(d => db.Enrolments.Any(e => e.Id == d.EnrolmentId && db.Users.Any(u => u.Id == e.UserId && u.Email == DemoProgramme.EmailOf("mentee5")))));

        var missing = await (await mentee.SubmitAsync($"/programmes/{id}/consent", new Dictionary<string, string> { ["Input.TakePart"] = "true" })).Content.ReadAsStringAsync();
        Assert.Contains("Select yes if your answers can be used in the evaluation", missing);
        Assert.Contains("Select yes if we can quote your written answers anonymously", missing);

        var declined = await mentee.SubmitAsync($"/programmes/{id}/consent", new Dictionary<string, string>
            { ["Input.TakePart"] = "false", ["Input.UseAnswers"] = "false", ["Input.Quote"] = "false" });
        Assert.Contains("declined=1", declined.Headers.Location!.OriginalString);
        Assert.Equal(EnrolmentStatus.Declined, (await EnrolmentOfAsync("mentee5")).Status);

        // The earlier answers are shown again, and changing one's mind is recorded as a new decision.
        Assert.Contains("value=\"false\" checked", await mentee.GetStringAsync($"/programmes/{id}/consent"));
        await mentee.SubmitAsync($"/programmes/{id}/consent", new Dictionary<string, string>
            { ["Input.TakePart"] = "true", ["Input.UseAnswers"] = "true", ["Input.Quote"] = "false" });
        var enrolment = await EnrolmentOfAsync("mentee5");
        Assert.Equal(EnrolmentStatus.Consented, enrolment.Status);
        Assert.Equal(decisionsBefore + 6, await Factory.WithDbAsync(db => db.ConsentDecisions.CountAsync(d => d.EnrolmentId == enrolment.Id)));
    }

    [Fact]
    public async Task Demographics_are_optional_banded_and_refuse_anything_else()
    {
        var id = await ProgrammeIdAsync();
        var mentor = await AsAsync("mentor3");

        var bad = await (await mentor.SubmitAsync($"/programmes/{id}/about-you", new Dictionary<string, string> { ["Input.AgeBand"] = "42" })).Content.ReadAsStringAsync();
        Assert.Contains("Select one of the answers for age band", bad);
        Assert.Null((await EnrolmentOfAsync("mentor3")).Demographics.AgeBand);

        var saved = await mentor.SubmitAsync($"/programmes/{id}/about-you", new Dictionary<string, string> { ["Input.AgeBand"] = "31 to 40", ["Input.PriorMentoring"] = "Yes" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var bands = (await EnrolmentOfAsync("mentor3")).Demographics;
        Assert.Equal("31 to 40", bands.AgeBand);
        Assert.Equal("Yes", bands.PriorMentoring);
        Assert.Null(bands.Gender);
    }

    [Fact]
    public async Task Withdrawal_with_erasure_clears_what_can_be_traced_is_audited_and_ends_access()
    {
        var id = await ProgrammeIdAsync();
        var mentor = await AsAsync("mentor4");
        await mentor.SubmitAsync($"/programmes/{id}/about-you", new Dictionary<string, string> { ["Input.Gender"] = "Man" });
        var mentorId = (await EnrolmentOfAsync("mentor4")).Id;
        Assert.True(await Factory.WithDbAsync(db => db.Willingness.AnyAsync(w => w.MentorEnrolmentId == mentorId)));

        var noChoice = await (await mentor.SubmitAsync($"/programmes/{id}/withdraw", new Dictionary<string, string>())).Content.ReadAsStringAsync();
        Assert.Contains("Select what should happen to your answers", noChoice);
        Assert.Equal(EnrolmentStatus.Consented, (await EnrolmentOfAsync("mentor4")).Status);

        var withdrawn = await mentor.SubmitAsync($"/programmes/{id}/withdraw", new Dictionary<string, string> { ["Input.Choice"] = "Erase" });
        Assert.Equal("/withdrawn", withdrawn.Headers.Location!.OriginalString);

        var enrolment = await EnrolmentOfAsync("mentor4");
        Assert.Equal(EnrolmentStatus.Withdrawn, enrolment.Status);
        Assert.Equal(WithdrawalChoice.Erase, enrolment.WithdrawalChoice);
        Assert.True(enrolment.Demographics.IsEmpty);
        // Their willingness went too: it carried their private reasons.
        Assert.False(await Factory.WithDbAsync(db => db.Willingness.AnyAsync(w => w.MentorEnrolmentId == mentorId)));
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Withdrawn && a.Subject == $"enrolment:{enrolment.Id}")));
        Assert.Equal(HttpStatusCode.NotFound, (await mentor.GetAsync($"/programmes/{id}")).StatusCode);
        Assert.Contains("Withdrawn", await (await AsAsync("coordinator")).GetStringAsync($"/programmes/{id}/people"));
    }
}

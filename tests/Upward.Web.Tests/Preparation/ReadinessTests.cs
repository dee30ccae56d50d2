using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Preparation;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Web.Tests.Infrastructure;
using Upward.Web.Tests.People;
using static Upward.Web.Tests.Preparation.PreparationSteps;

namespace Upward.Web.Tests.Preparation;

public sealed class ReadinessTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    [Fact]
    public async Task When_allocation_waits_for_readiness_it_leaves_out_mentors_not_ready_and_says_why()
    {
        var id = await ProgrammeIdAsync();
        var coordinator = await AsAsync("coordinator");
        Assert.Equal(HttpStatusCode.Redirect, (await WaitForReadinessAsync(coordinator, id, wait: true)).StatusCode);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ProgrammeId == id && a.Action == AuditAction.PreparationSettingsChanged
            && a.Detail!.Contains("AllocationWaitsForReadiness"))));

        // mentor1 does everything; mentor2 all but module 3 and the induction.
        var mentor1 = await Factory.EnrolmentIdAsync("mentor1");
        await MakeReadyAsync(await AsAsync("mentor1"), coordinator, id, mentor1);
        var mentor2 = await AsAsync("mentor2");
        foreach (var key in new[] { "reverse-mentoring", "feedback-upward", "confidentiality" }) await AnswerAsync(mentor2, id, key, RightAnswers(key));
        await mentor2.SubmitAsync($"/programmes/{id}/preparation/self-assessment", SelfAssessment.Statements.ToDictionary(s => $"Answers[{s.Key}]", s => s.Key == "feedback" ? "not-yet" : "yes"));

        var page = await coordinator.GetStringAsync($"/programmes/{id}/allocation");
        Assert.Contains("Mentors not ready yet", page);
        Assert.Contains("Module 3 not done (Psychological safety and the power gradient); Induction not attended", page);
        Assert.Contains("Self-assessment not done", page);   // the mentors who did nothing

        var readiness = await coordinator.GetStringAsync($"/programmes/{id}/preparation/readiness");
        Assert.Contains("Not yet: i can give feedback using situation, behaviour, impact and a suggestion", readiness);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(readiness, ">Ready<"));

        // Only the ready mentor is allocated; by hand a mentor not ready is refused with the reason.
        await coordinator.SubmitAsync($"/programmes/{id}/allocation?Mode=Random&Seed=7",
            new Dictionary<string, string> { ["Mode"] = "Random", ["Seed"] = "7" }, $"/programmes/{id}/allocation?handler=Confirm");
        var pairs = await Factory.WithDbAsync(db => db.Pairings.Where(p => p.ProgrammeId == id && p.Status == PairingStatus.Active).ToListAsync());
        Assert.All(pairs, p => Assert.Equal(mentor1, p.MentorEnrolmentId));
        Assert.NotEmpty(pairs);

        var unpaired = await Factory.WithDbAsync(db => db.Enrolments.Where(e => e.ProgrammeId == id && e.Role == ProgrammeRole.Mentee && e.Status == EnrolmentStatus.Consented
            && !db.Pairings.Any(p => p.MenteeEnrolmentId == e.Id && p.Status == PairingStatus.Active)).Select(e => e.Id).FirstAsync());
        var byHand = await coordinator.SubmitAsync($"/programmes/{id}/allocation", new Dictionary<string, string>
        {
            ["Hand.Mentee"] = unpaired.ToString(), ["Hand.Mentor"] = (await Factory.EnrolmentIdAsync("mentor2")).ToString(),
        }, $"/programmes/{id}/allocation?handler=Pair");
        Assert.Equal(HttpStatusCode.OK, byHand.StatusCode);
        Assert.Contains("This mentor is not ready yet: module 3 not done", await byHand.Content.ReadAsStringAsync());

        // Once mentor2 finishes, they are allocated like anyone else.
        await AnswerAsync(mentor2, id, "psychological-safety", RightAnswers("psychological-safety"));
        await RecordAttendanceAsync(coordinator, id, await Factory.EnrolmentIdAsync("mentor2"), AttendanceKind.Induction, new DateOnly(2026, 11, 3));
        var after = await coordinator.GetStringAsync($"/programmes/{id}/allocation");
        Assert.DoesNotContain("Module 3 not done (Psychological safety and the power gradient); Induction not attended", after);
    }

    [Fact]
    public async Task Attendance_is_recorded_once_audited_and_a_bad_date_is_explained()
    {
        var id = await ProgrammeIdAsync();
        var coordinator = await AsAsync("coordinator");
        var mentor = await Factory.EnrolmentIdAsync("mentor4");
        await RecordAttendanceAsync(coordinator, id, mentor, AttendanceKind.GroupSupervision, new DateOnly(2026, 11, 20));
        await RecordAttendanceAsync(coordinator, id, mentor, AttendanceKind.GroupSupervision, new DateOnly(2026, 11, 20));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Attendances.CountAsync(a => a.EnrolmentId == mentor)));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.AttendanceRecorded && a.Subject == $"enrolment:{mentor}")));

        var bad = await coordinator.SubmitAsync($"/programmes/{id}/preparation/readiness", new Dictionary<string, string>
        {
            ["Attend.Mentor"] = mentor.ToString(), ["Attend.Kind"] = "Nonsense", ["Attend.Day"] = "31", ["Attend.Month"] = "2", ["Attend.Year"] = "2026",
        }, $"/programmes/{id}/preparation/readiness?handler=Attend");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Select what they attended", html);
        Assert.Contains("Enter the day it was held as a real date", html);

        var mentorPage = await (await AsAsync("mentor4")).GetStringAsync($"/programmes/{id}/preparation");
        Assert.Contains("1 meeting attended", mentorPage);
        Assert.Contains("Not yet attended", mentorPage);
    }

    [Theory]
    [InlineData("mentor1")]
    [InlineData("mentee1")]
    [InlineData("facilitator")]
    public async Task Only_the_coordinator_sees_readiness_and_records_attendance(string who)
    {
        var id = await ProgrammeIdAsync();
        var client = await AsAsync(who);
        foreach (var url in new[] { "preparation/readiness", "preparation/settings", "preparation/modules/reverse-mentoring/edit" })
        {
            var response = await client.GetAsync($"/programmes/{id}/{url}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString);
        }
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Web.Tests.Infrastructure;
using Upward.Web.Tests.Recognition;
using Upward.Web.Tests.Sessions;

namespace Upward.Web.Tests.Appraisal;

public sealed class AppraisalTests(DemoFactory factory) : PairTestBase(factory), IClassFixture<DemoFactory>
{
    private static Dictionary<string, string> Reflection(string heard, string change = "I will pause at each bed to confirm the plan aloud.", string plan = "Ask the FY1s in March whether plans are clearer.") =>
        new() { ["WhatIHeard"] = heard, ["WhatIWillChange"] = change, ["ActionPlan"] = plan };

    private Task<string> NameOfAsync(Guid enrolmentId) => Factory.WithDbAsync(db =>
        db.Enrolments.Where(e => e.Id == enrolmentId).Join(db.Users, e => e.UserId, u => u.Id, (e, u) => u.DisplayName).SingleAsync());

    [Fact]
    public async Task The_mentees_reflection_becomes_a_pdf_under_the_gmc_types_with_their_words_and_no_mentors_name()
    {
        var (id, pairing, _, mentee) = await PairAsync();
        var mentorName = await NameOfAsync(pairing.MentorEnrolmentId);
        var client = await AsAsync(mentee);
        var url = $"/programmes/{id}/appraisal";

        var named = await client.SubmitAsync(url, Reflection($"{mentorName} told me juniors miss plans given while walking."));
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Contains("Leave out names from what you heard", await named.Content.ReadAsStringAsync());
        var empty = await (await client.SubmitAsync(url, new Dictionary<string, string>())).Content.ReadAsStringAsync();
        Assert.Contains("Enter what you heard", empty);
        Assert.Contains("Enter your action plan", empty);

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(url, Reflection("Juniors often miss plans given while walking between beds."))).StatusCode);
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ProgrammeId == id && a.Action == AuditAction.ReflectionSaved)));

        var pdf = PdfText.Of(await client.GetByteArrayAsync(url + "?handler=Pdf"));
        Assert.Contains(PdfText.Squash("Supporting information: reflection on feedback"), pdf);
        Assert.Contains(PdfText.Squash("Supporting information: quality improvement activity"), pdf);
        Assert.Contains(PdfText.Squash("Juniors often miss plans given while walking between beds."), pdf);
        Assert.Contains(PdfText.Squash("I will pause at each bed to confirm the plan aloud."), pdf);
        Assert.Contains(PdfText.Squash("Ask the FY1s in March whether plans are clearer."), pdf);
        Assert.DoesNotContain(PdfText.Squash(mentorName), pdf);
        foreach (var part in mentorName.Split(' ').Where(p => p.Length > 3)) Assert.DoesNotContain(part, pdf);
    }

    [Fact]
    public async Task Nobody_else_reads_or_makes_a_mentees_reflection()
    {
        var (id, _, mentor, mentee) = await PairAsync();
        var url = $"/programmes/{id}/appraisal";
        await (await AsAsync(mentee)).SubmitAsync(url, Reflection("Only mine: handover runs long on Fridays."));

        // Another mentee sees their own empty page, never this one's words.
        var other = mentee == "mentee2" ? "mentee3" : "mentee2";
        var theirs = await (await AsAsync(other)).GetStringAsync(url);
        Assert.DoesNotContain("handover runs long", theirs);
        Assert.Equal(HttpStatusCode.Redirect, (await (await AsAsync(other)).GetAsync(url + "?handler=Pdf")).StatusCode);   // nothing saved: back to the form

        // The mentor cannot make or read it, nor can the coordinator.
        foreach (var who in new[] { mentor, "coordinator" })
        {
            var client = await AsAsync(who);
            var read = await client.GetAsync(url + "?handler=Pdf");
            Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
            Assert.Contains("/account/access-denied", read.Headers.Location!.OriginalString);
            var token = await client.TokenAsync($"/programmes/{id}/about-you");
            var write = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>(Reflection("Written by someone else")) { ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.Redirect, write.StatusCode);
            Assert.Contains("/account/access-denied", write.Headers.Location!.OriginalString);
        }
        Assert.Equal(1, await Factory.WithDbAsync(db => db.ReflectiveSummaries.CountAsync(s => s.ProgrammeId == id)));
    }

    [Fact]
    public async Task Erasing_on_withdrawal_removes_the_reflection_and_a_mentors_self_assessment()
    {
        var id = await ProgrammeIdAsync();
        var mentee = await AsAsync("mentee5");
        await mentee.SubmitAsync($"/programmes/{id}/appraisal", Reflection("Clinic letters reach juniors late."));
        var mentor = await AsAsync("mentor6");
        await mentor.SubmitAsync($"/programmes/{id}/preparation/self-assessment",
            Upward.Core.Preparation.SelfAssessment.Statements.ToDictionary(s => $"Answers[{s.Key}]", _ => "not-yet"));
        var (menteeId, mentorId) = (await Factory.EnrolmentIdAsync("mentee5"), await Factory.EnrolmentIdAsync("mentor6"));
        Assert.True(await Factory.WithDbAsync(db => db.ReflectiveSummaries.AnyAsync(s => s.EnrolmentId == menteeId)));
        Assert.True(await Factory.WithDbAsync(db => db.SelfAssessments.AnyAsync(s => s.EnrolmentId == mentorId)));

        await mentee.SubmitAsync($"/programmes/{id}/withdraw", new Dictionary<string, string> { ["Input.Choice"] = "Erase" });
        await mentor.SubmitAsync($"/programmes/{id}/withdraw", new Dictionary<string, string> { ["Input.Choice"] = "Erase" });
        Assert.False(await Factory.WithDbAsync(db => db.ReflectiveSummaries.AnyAsync(s => s.EnrolmentId == menteeId)));
        Assert.False(await Factory.WithDbAsync(db => db.SelfAssessments.AnyAsync(s => s.EnrolmentId == mentorId)));
    }
}

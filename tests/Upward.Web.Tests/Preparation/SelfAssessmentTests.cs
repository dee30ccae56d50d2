using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Preparation;
using Upward.Web.Tests.Infrastructure;
using Upward.Web.Tests.People;

namespace Upward.Web.Tests.Preparation;

public sealed class SelfAssessmentTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    [Fact]
    public async Task A_mentor_who_has_not_answered_yet_gets_the_form_and_a_partial_answer_is_explained_not_lost()
    {
        var id = await ProgrammeIdAsync();
        var mentor = await AsAsync("mentor3");
        var enrolment = await Factory.EnrolmentIdAsync("mentor3");
        Assert.False(await Factory.WithDbAsync(db => db.SelfAssessments.AnyAsync(s => s.EnrolmentId == enrolment)));

        var url = $"/programmes/{id}/preparation/self-assessment";
        var first = await mentor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var form = await first.Content.ReadAsStringAsync();
        foreach (var statement in SelfAssessment.Statements) Assert.Contains($"name=\"Answers[{statement.Key}]\"", form);
        Assert.DoesNotContain("\" checked", form);

        // Only the first statement answered, with help asked for: the rest are named in the error summary
        // and what was given is still there.
        var answered = SelfAssessment.Statements[0];
        var partial = await mentor.SubmitAsync(url, new Dictionary<string, string>
        {
            [$"Answers[{answered.Key}]"] = "not-yet",
            ["HelpWanted"] = "Practising feedback",
        });
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        var page = await partial.Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", page);
        Assert.Contains("Select yes or not yet for", page);
        Assert.Contains("Practising feedback", page);
        Assert.Contains($"value=\"not-yet\" checked", page.Replace("\r", ""));
        Assert.False(await Factory.WithDbAsync(db => db.SelfAssessments.AnyAsync(s => s.EnrolmentId == enrolment)));

        var complete = await mentor.SubmitAsync(url, SelfAssessment.Statements.ToDictionary(s => $"Answers[{s.Key}]", s => s.Key == answered.Key ? "not-yet" : "yes"));
        Assert.Equal(HttpStatusCode.Redirect, complete.StatusCode);
        var saved = await Factory.WithDbAsync(db => db.SelfAssessments.AsNoTracking().SingleAsync(s => s.EnrolmentId == enrolment));
        Assert.Equal([answered.Key], saved.NotYet);
    }
}

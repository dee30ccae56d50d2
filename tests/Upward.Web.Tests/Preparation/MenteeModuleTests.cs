using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Preparation;
using Upward.Web.Tests.Infrastructure;
using static Upward.Web.Tests.Preparation.PreparationSteps;

namespace Upward.Web.Tests.Preparation;

/// <summary>The mentees' preparation module: read and self-checked by mentees, refused to everyone else, never a mentor's readiness step.</summary>
public sealed class MenteeModuleTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private const string Key = "for-mentees";

    [Fact]
    public async Task A_mentee_reads_the_module_and_is_recorded_as_done_only_when_every_answer_is_right()
    {
        var id = await factory.ProgrammeIdAsync();
        var mentee = await factory.AsAsync("mentee2");
        var url = $"/programmes/{id}/preparation/for-mentees";
        Assert.Contains($"href=\"{url}\"", await mentee.GetStringAsync($"/programmes/{id}"));
        var page = await mentee.GetStringAsync(url);
        Assert.Contains("For mentees: receiving feedback from a junior colleague", page);
        Assert.Contains("<h2>Your side of the power gradient</h2>", page);
        Assert.DoesNotContain("- [x]", page);

        // Nothing chosen: the error summary, nothing recorded.
        var empty = await mentee.SubmitAsync(url, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Select an answer to question 1", await empty.Content.ReadAsStringAsync());

        var right = RightAnswers(Key);
        var wrong = right.Select(a => a == 0 ? 1 : 0).ToList();
        var tried = await (await mentee.SubmitAsync(url, Answers([wrong[0], right[1], right[2]]))).Content.ReadAsStringAsync();
        Assert.Contains("2 of 3 answers right", tried);
        var enrolment = await factory.EnrolmentIdAsync("mentee2");
        Assert.False(await factory.WithDbAsync(db => db.ModuleCompletions.AnyAsync(c => c.EnrolmentId == enrolment)));

        Assert.Contains("this module is recorded as done", await (await mentee.SubmitAsync(url, Answers(right))).Content.ReadAsStringAsync());
        await mentee.SubmitAsync(url, Answers(right));
        Assert.Equal(1, await factory.WithDbAsync(db => db.ModuleCompletions.CountAsync(c => c.EnrolmentId == enrolment && c.ModuleKey == Key)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.ProgrammeId == id && a.Action == AuditAction.ModuleCompleted && a.Subject == $"module:{Key}:1")));
        Assert.Contains("You have finished this module", await mentee.GetStringAsync(url));

        // The coordinator sees how many mentees have done it, beside the mentors' modules.
        var readiness = await (await factory.AsAsync("coordinator")).GetStringAsync($"/programmes/{id}/preparation/readiness");
        Assert.Contains("Mentees", readiness);
        Assert.Contains("1 of 5", readiness);
    }

    [Fact]
    public async Task Mentors_and_coordinators_do_not_get_the_mentees_module_and_it_is_no_readiness_step()
    {
        var id = await factory.ProgrammeIdAsync();
        foreach (var who in new[] { "mentor1", "coordinator", "researcher" })
        {
            var response = await (await factory.AsAsync(who)).GetAsync($"/programmes/{id}/preparation/for-mentees");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/access-denied", response.Headers.Location?.OriginalString);
        }
        var mentor = await factory.AsAsync("mentor1");
        Assert.Equal(HttpStatusCode.NotFound, (await mentor.GetAsync($"/programmes/{id}/preparation/modules/{Key}")).StatusCode);
        Assert.DoesNotContain("For mentees", await mentor.GetStringAsync($"/programmes/{id}/preparation"));
        // A mentor made ready with the mentors' modules alone is ready: the mentees' module is not asked of them.
        var coordinator = await factory.AsAsync("coordinator");
        var mentorId = await factory.EnrolmentIdAsync("mentor1");
        await MakeReadyAsync(mentor, coordinator, id, mentorId);
        Assert.DoesNotContain(Key, await factory.WithDbAsync(db => db.ModuleCompletions.Where(c => c.EnrolmentId == mentorId).Select(c => c.ModuleKey).ToListAsync()));
        var readiness = await coordinator.GetStringAsync($"/programmes/{id}/preparation/readiness");
        Assert.DoesNotContain("not done (For mentees", readiness);
    }
}

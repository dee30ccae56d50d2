using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Preparation;
using Upward.Web.Tests.Infrastructure;
using Upward.Web.Tests.People;
using static Upward.Web.Tests.Preparation.PreparationSteps;

namespace Upward.Web.Tests.Preparation;

public sealed class ModuleTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    [Fact]
    public async Task Modules_are_copied_on_first_use_and_a_module_is_done_only_when_every_answer_is_right()
    {
        var id = await ProgrammeIdAsync();
        var mentor = await AsAsync("mentor1");
        var page = await mentor.GetStringAsync($"/programmes/{id}/preparation");
        // The staff mentor is asked the four modules for everyone, not the patient mentors' one.
        Assert.Contains("Module 1: What reverse mentoring is", page);
        Assert.Contains("Module 4: Confidentiality and its limits", page);
        Assert.DoesNotContain("For patient and carer mentors", page);
        Assert.Equal(BuiltInModules.All.Count, await Factory.WithDbAsync(db => db.PreparationModules.Where(m => m.ProgrammeId == id).Select(m => m.Key).Distinct().CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await mentor.GetAsync($"/programmes/{id}/preparation/modules/patient-mentors")).StatusCode);

        var module = await mentor.GetStringAsync($"/programmes/{id}/preparation/modules/feedback-upward");
        Assert.Contains("<h2>A structure: situation, behaviour, impact, suggestion</h2>", module);   // Markdig, headings under the page's h1
        Assert.DoesNotContain("- [x]", module);   // the self-check is a form, never the answer key

        var right = RightAnswers("feedback-upward");
        var wrong = right.Select(a => a == 0 ? 1 : 0).ToList();
        var tried = await (await AnswerAsync(mentor, id, "feedback-upward", [right[0], wrong[1], right[2]])).Content.ReadAsStringAsync();
        Assert.Contains("2 of 3 answers right", tried);
        Assert.Contains("It is the part the mentee usually cannot see for themselves", tried);   // the explanation of the missed one
        Assert.False(await Factory.WithDbAsync(db => db.ModuleCompletions.AnyAsync(c => c.ProgrammeId == id && c.ModuleKey == "feedback-upward")));

        var done = await (await AnswerAsync(mentor, id, "feedback-upward", right)).Content.ReadAsStringAsync();
        Assert.Contains("this module is recorded as done", done);
        await AnswerAsync(mentor, id, "feedback-upward", right);   // again: still one completion, one audit entry
        var enrolment = await Factory.EnrolmentIdAsync("mentor1");
        Assert.Equal(1, await Factory.WithDbAsync(db => db.ModuleCompletions.CountAsync(c => c.EnrolmentId == enrolment && c.ModuleKey == "feedback-upward" && c.ModuleVersion == 1)));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.ProgrammeId == id && a.Action == AuditAction.ModuleCompleted && a.Subject == "module:feedback-upward:1")));
    }

    [Fact]
    public async Task An_unanswered_or_tampered_self_check_is_explained_not_a_failure()
    {
        var id = await ProgrammeIdAsync();
        var mentor = await AsAsync("mentor2");
        var response = await mentor.SubmitAsync($"/programmes/{id}/preparation/modules/confidentiality", new Dictionary<string, string> { ["Answers[0]"] = "99", ["Answers[1]"] = "x" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", html);
        Assert.Contains("Select an answer to question 1", html);
        Assert.Contains("Select an answer to question 3", html);
    }

    [Theory]
    [InlineData("mentee1")]
    [InlineData("facilitator")]
    public async Task Only_mentors_prepare(string who)
    {
        var id = await ProgrammeIdAsync();
        var client = await AsAsync(who);
        var response = await client.GetAsync($"/programmes/{id}/preparation/modules/reverse-mentoring");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_coordinator_edits_a_module_as_a_new_audited_version_and_earlier_completions_still_count()
    {
        var id = await ProgrammeIdAsync();
        var mentor = await AsAsync("mentor3");
        await AnswerAsync(mentor, id, "reverse-mentoring", RightAnswers("reverse-mentoring"));

        var coordinator = await AsAsync("coordinator");
        var edit = $"/programmes/{id}/preparation/modules/reverse-mentoring/edit";
        var bad = await coordinator.SubmitAsync(edit, new Dictionary<string, string> { ["Markdown"] = "# Title\n\nText\n\n## Self-check\n\n### A question?\n- [ ] One\n- [ ] Two\n> Why\n" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Mark the right answer to", await bad.Content.ReadAsStringAsync());

        var markdown = BuiltInModules.All[0].Markdown.Replace("# What reverse mentoring is", "# What reverse mentoring is at St Elsewhere")
            + "\n<script>alert(1)</script>\n";
        // Raw HTML placed before the self-check would be shown as text; after it, it is not an option, so the text is refused.
        Assert.Contains("Write each option", await (await coordinator.SubmitAsync(edit, new Dictionary<string, string> { ["Markdown"] = markdown })).Content.ReadAsStringAsync());
        markdown = markdown.Replace("\n<script>alert(1)</script>\n", "").Replace("## What is asked of you", "<script>alert(1)</script>\n\n## What is asked of you");
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync(edit, new Dictionary<string, string> { ["Markdown"] = markdown })).StatusCode);

        var read = await mentor.GetStringAsync($"/programmes/{id}/preparation/modules/reverse-mentoring");
        Assert.Contains("What reverse mentoring is at St Elsewhere", read);
        Assert.DoesNotContain("<script>alert(1)</script>", read);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", read);
        Assert.Contains("You have finished this module", read);
        Assert.Equal(2, await Factory.WithDbAsync(db => db.PreparationModules.Where(m => m.ProgrammeId == id && m.Key == "reverse-mentoring").MaxAsync(m => m.Version)));
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ProgrammeId == id && a.Action == AuditAction.ModuleChanged && a.Subject == "module:reverse-mentoring:2")));
    }
}

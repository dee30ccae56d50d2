using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Sessions;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Programmes;

/// <summary>
/// The programme page as a task list: each role sees the method's steps that are theirs, in order,
/// with real figures, the one thing to do next, and only the links their roles and the programme's settings make useful.
/// </summary>
public sealed partial class TaskListTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private async Task<(Guid Id, string Html)> OverviewAsync(string who)
    {
        var id = await factory.ProgrammeIdAsync();
        return (id, await (await factory.AsAsync(who)).GetStringAsync($"/programmes/{id}"));
    }

    /// <summary>The task list's steps as "name | hint | status", in page order.</summary>
    private static List<string> Steps(string html, string listId)
    {
        var list = Regex.Match(html, $"<ul class=\"nhsuk-task-list\" id=\"{listId}\">(.*?)</ul>", RegexOptions.Singleline);
        Assert.True(list.Success, $"no task list {listId}");
        return ItemPattern().Matches(list.Groups[1].Value).Select(m =>
            Regex.Replace($"{Text(m.Groups["name"].Value)} | {Text(m.Groups["hint"].Value)} | {Text(m.Groups["status"].Value)}", @"\s+", " ")).ToList();
    }

    private static string Text(string html) => Regex.Replace(System.Net.WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " ")), @"\s+", " ").Trim();

    private static string NextAction(string html) => Text(Regex.Match(html, "<div class=\"nhsuk-card nhsuk-card--feature\" id=\"next\">(.*?)</div>\\s*</div>", RegexOptions.Singleline).Groups[1].Value);

    [GeneratedRegex("<li class=\"nhsuk-task-list__item[^\"]*\">\\s*<div class=\"nhsuk-task-list__name-and-hint\">\\s*(?<name><(a|div)[^>]*>.*?</(a|div)>)\\s*(<div class=\"nhsuk-task-list__hint\"[^>]*>(?<hint>.*?)</div>)?\\s*</div>\\s*<div class=\"nhsuk-task-list__status\"[^>]*>(?<status>.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex ItemPattern();

    [Fact]
    public async Task The_coordinator_sees_the_method_in_order_with_figures_and_what_needs_them_next()
    {
        var (id, html) = await OverviewAsync("coordinator");
        var steps = Steps(html, "running");

        var names = steps.Select(s => s.Split(" | ")[0]).ToList();
        Assert.Equal(
            ["Set up the programme", "Recruitment and consent", "Before phase 1 questionnaire", "Mentors' willingness",
             "Phase 1: group session and feedback briefs", "After phase 1 questionnaire", "Allocation", "Before phase 2 questionnaire",
             "One-to-one sessions", "After phase 2 questionnaire", "Evaluation"],
            names);
        Assert.Contains("Recruitment and consent | Consent: 11 of 11 | Completed", steps);
        Assert.Contains(steps, s => s.StartsWith("Before phase 1 questionnaire | Open. Mentors: ", StringComparison.Ordinal) && s.EndsWith(" of 6 answered | In progress", StringComparison.Ordinal));
        Assert.Contains("Mentors' willingness | 6 of 6 mentors answered | Completed", steps);
        // The demo's mentors sent the after phase 1 questionnaire, though it was never opened here: it counts as done.
        Assert.Contains("After phase 1 questionnaire | Closed. Mentors: 5 of 6 answered | Completed", steps);
        Assert.DoesNotContain($"/programmes/{id}/concern\"", html);
        // The demo's mentors' first questionnaire is open: what needs the coordinator first is to follow it and close it.
        Assert.Equal("What to do next Close the before phase 1 questionnaire when enough people have answered", NextAction(html));
        Assert.Contains($"href=\"/programmes/{id}/questionnaires\"", html);
        Assert.Contains($"href=\"/programmes/{id}/allocation\"", html);
        Assert.Contains($"href=\"/programmes/{id}/evaluation\"", html);
        Assert.Contains($"href=\"/programmes/{id}/phase-one/settings\"", html);
        // Domains can no longer change once the programme runs, so the page is not offered.
        Assert.DoesNotContain($"href=\"/programmes/{id}/domains\"", html);
        // A coordinator has no mentor's or mentee's steps.
        Assert.DoesNotContain("id=\"your-part\"", html);
        Assert.DoesNotContain($"/programmes/{id}/phase-one/willingness\"", html);
    }

    [Fact]
    public async Task A_mentor_sees_their_own_steps_and_no_coordinator_step_or_link()
    {
        var (id, html) = await OverviewAsync("mentor2");
        var steps = Steps(html, "your-part");

        Assert.Contains("You take part as a mentor.", html);
        Assert.Equal("Agree to take part | You agreed to take part | Completed", steps[0]);
        Assert.Contains($"href=\"/programmes/{id}/concern\"", html);
        Assert.Contains("Before phase 1 questionnaire | | Not started", steps);
        // The demo's mentors sent the after phase 1 questionnaire (its free text is there to code).
        Assert.Contains("After phase 1 questionnaire | Sent | Completed", steps);
        Assert.Contains("Your pairing and sessions | After the allocation | Cannot start yet", steps);
        Assert.Contains(steps, s => s.StartsWith("Whom you are willing to mentor | Answered for 5 of 5 mentees | Completed", StringComparison.Ordinal));
        var wave = await factory.WithDbAsync(db => db.Waves.Where(w => w.ProgrammeId == id && w.Stage == Stage.BeforePhase1).Select(w => w.Id).SingleAsync());
        Assert.Contains($"href=\"/programmes/{id}/questionnaires/{wave}\"", html);
        Assert.Equal("What to do next Answer the before phase 1 questionnaire", NextAction(html));

        Assert.DoesNotContain("id=\"running\"", html);
        foreach (var coordinatorPage in new[] { "/people\"", "/settings\"", "/allocation\"", "/stage\"", "/concerns\"", "/evaluation\"", "/phase-one\"", "/phase-one/willingness/all\"", "/questionnaires\"" })
        {
            Assert.DoesNotContain($"/programmes/{id}{coordinatorPage}", html);
        }
        // Group mode: mentors give feedback in the session, so the anonymous form is not linked.
        Assert.DoesNotContain("/phase-one/contribute\"", html);
    }

    [Fact]
    public async Task A_mentee_is_told_to_answer_their_open_questionnaire_and_sees_only_what_the_settings_allow()
    {
        var id = await factory.ProgrammeIdAsync();
        var mentee = await factory.AsAsync("mentee3");
        var before = await mentee.GetStringAsync($"/programmes/{id}");
        // Nothing is open for mentees in the demo yet.
        Assert.Contains("Before phase 2 questionnaire | Opens later in the programme | Cannot start yet", Steps(before, "your-part"));
        Assert.Contains("Nothing is waiting for you now", NextAction(before));
        // The demo lets mentees see their brief and choose mentors.
        Assert.Contains($"href=\"/programmes/{id}/feedback\"", before);
        Assert.Contains($"href=\"/programmes/{id}/phase-one/would-like-to-meet\"", before);

        var wave = await factory.WithDbAsync(async db =>
        {
            var w = await db.Waves.SingleAsync(w => w.ProgrammeId == id && w.Stage == Stage.BeforePhase2 && w.Audience == ProgrammeRole.Mentee);
            w.Open(DateTime.UtcNow);
            var settings = await db.PhaseOneSettings.SingleAsync(s => s.ProgrammeId == id);
            settings.MenteeMaySeeBrief = false;
            settings.MenteesMayChooseMentors = false;
            await db.SaveChangesAsync();
            return w.Id;
        });
        try
        {
            var after = await mentee.GetStringAsync($"/programmes/{id}");
            Assert.Equal("What to do next Answer the before phase 2 questionnaire", NextAction(after));
            Assert.Contains($"<a class=\"nhsuk-action-link nhsuk-u-margin-bottom-0\" href=\"/programmes/{id}/questionnaires/{wave}\"", after);
            Assert.Contains("Before phase 2 questionnaire | | Not started", Steps(after, "your-part"));
            // Switched off in the settings: not linked.
            Assert.DoesNotContain($"/programmes/{id}/feedback\"", after);
            Assert.DoesNotContain("/phase-one/would-like-to-meet\"", after);
            Assert.DoesNotContain("/phase-one/rather-not-meet\"", after);
            Assert.DoesNotContain("id=\"running\"", after);
            Assert.DoesNotContain($"/programmes/{id}/people\"", after);
        }
        finally
        {
            await factory.WithDbAsync(async db =>
            {
                (await db.Waves.SingleAsync(w => w.Id == wave)).Close(DateTime.UtcNow);
                var settings = await db.PhaseOneSettings.SingleAsync(s => s.ProgrammeId == id);
                (settings.MenteeMaySeeBrief, settings.MenteesMayChooseMentors) = (true, true);
                await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task A_paired_mentor_who_has_not_accepted_the_ground_rules_is_told_to_accept_them()
    {
        var id = await factory.ProgrammeIdAsync();
        var mentor = await factory.EnrolmentIdAsync("mentor6");
        var mentee = await factory.EnrolmentIdAsync("mentee5");
        var pairing = new Pairing { ProgrammeId = id, MentorEnrolmentId = mentor, MenteeEnrolmentId = mentee, CreatedAtUtc = DateTime.UtcNow, Reason = "test" };
        await factory.WithDbAsync(async db => { db.Pairings.Add(pairing); await db.SaveChangesAsync(); });
        try
        {
            // mentor6 has the open questionnaire too, which comes first in the method; it is answered below to reach the pairing.
            var html = await (await factory.AsAsync("mentor6")).GetStringAsync($"/programmes/{id}");
            Assert.Contains("Your pairing and sessions | 0 of 1 session held | Not started", Steps(html, "your-part"));
            Assert.Contains($"href=\"/programmes/{id}/pairing\"", html);

            Assert.Equal("What to do next Answer the before phase 1 questionnaire", NextAction(html));
            var response = await factory.WithDbAsync(async db =>
            {
                var wave = await db.Waves.SingleAsync(w => w.ProgrammeId == id && w.Stage == Stage.BeforePhase1);
                var draft = new Response { WaveId = wave.Id, EnrolmentId = mentor, InstrumentId = wave.InstrumentId };
                db.Responses.Add(draft);
                await db.SaveChangesAsync();
                return draft.Id;
            });
            html = await (await factory.AsAsync("mentor6")).GetStringAsync($"/programmes/{id}");
            Assert.Equal("What to do next Finish the before phase 1 questionnaire", NextAction(html));
            Assert.Contains("Before phase 1 questionnaire | Started: carry on where you left off | In progress", Steps(html, "your-part"));

            await factory.WithDbAsync(async db =>
            {
                var sent = await db.Responses.SingleAsync(r => r.Id == response);
                (sent.Status, sent.SubmittedAtUtc) = (ResponseStatus.Submitted, DateTime.UtcNow);
                await db.SaveChangesAsync();
            });
            html = await (await factory.AsAsync("mentor6")).GetStringAsync($"/programmes/{id}");
            Assert.Equal("What to do next Read and accept the ground rules for your sessions", NextAction(html));
            Assert.Contains("Before phase 1 questionnaire | Sent | Completed", Steps(html, "your-part"));

            var coordinator = await (await factory.AsAsync("coordinator")).GetStringAsync($"/programmes/{id}");
            Assert.Contains("Allocation | 1 of 5 mentees paired | In progress", Steps(coordinator, "running"));
            Assert.Contains("One-to-one sessions | 0 of 1 pair has held their session | Not started", Steps(coordinator, "running"));
        }
        finally
        {
            await factory.WithDbAsync(async db =>
            {
                await db.Responses.Where(r => r.EnrolmentId == mentor).ExecuteDeleteAsync();
                await db.Pairings.Where(p => p.Id == pairing.Id).ExecuteDeleteAsync();
            });
        }
    }

    [Fact]
    public async Task A_facilitator_and_a_researcher_see_their_own_work_only()
    {
        var (id, facilitator) = await OverviewAsync("facilitator");
        Assert.Contains(Steps(facilitator, "your-part"), s => s.StartsWith("Phase 1: group session and feedback briefs | Briefs released: ", StringComparison.Ordinal));
        Assert.Contains("What to do next Hold the group feedback session and write each mentee's brief", NextAction(facilitator));
        Assert.DoesNotContain("id=\"running\"", facilitator);
        Assert.DoesNotContain($"/programmes/{id}/allocation\"", facilitator);

        var (_, researcher) = await OverviewAsync("researcher");
        Assert.Equal(["Evaluation", "Read and code free-text answers"], Steps(researcher, "your-part").Select(s => s.Split(" | ")[0]));
        Assert.Contains($"href=\"/programmes/{id}/free-text/table\"", researcher);
        Assert.DoesNotContain($"/programmes/{id}/people\"", researcher);
    }

    [Fact]
    public async Task The_organisation_administrator_runs_the_programme_but_is_not_offered_what_only_coordinators_may_open()
    {
        var (id, html) = await OverviewAsync("admin");
        Assert.Contains("You see this programme as your organisation's administrator", System.Net.WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("You take part as", html);
        var steps = Steps(html, "running");
        Assert.Contains("Evaluation | | Not started", steps);
        // Evaluation, phase 1 briefs and concerns are the programme's own leads': shown as steps, not linked.
        Assert.DoesNotContain($"/programmes/{id}/evaluation\"", html);
        Assert.DoesNotContain($"/programmes/{id}/phase-one\"", html);
        Assert.DoesNotContain($"/programmes/{id}/concerns\"", html);
        Assert.Contains($"href=\"/programmes/{id}/people\"", html);
        // An administrator who takes no part has no participation to manage.
        Assert.DoesNotContain($"/programmes/{id}/withdraw\"", html);
    }

    [Fact]
    public async Task A_new_one_phase_programme_starts_with_its_set_up_and_has_no_phase_1_steps()
    {
        var admin = await factory.AsAsync("admin");
        var created = await admin.SubmitAsync("/programmes/new", new Dictionary<string, string> { ["Input.Name"] = "Digital skills 2027", ["Input.Type"] = "DigitalSkills" });
        var url = created.Headers.Location!.OriginalString;
        var html = await admin.GetStringAsync(url);

        var names = Steps(html, "running").Select(s => s.Split(" | ")[0]).ToList();
        Assert.Equal(["Set up the programme", "Recruitment and consent", "Before the programme questionnaire", "Mentors' willingness",
            "Allocation", "One-to-one sessions", "After the programme questionnaire", "Evaluation"], names);
        Assert.Contains("Before the programme questionnaire | Not added yet | Not started", Steps(html, "running"));
        Assert.Equal("What to do next Check the programme's set-up, then open recruitment", NextAction(html));
        Assert.Contains($"href=\"{url}/domains\"", html);
        Assert.DoesNotContain("Phase 1", html);
        Assert.DoesNotContain("/phase-one/settings\"", html);
        Assert.DoesNotContain($"{url}/phase-one\"", html);
    }
}

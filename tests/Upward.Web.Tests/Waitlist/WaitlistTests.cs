using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Designs;
using Upward.Core.Evaluation;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Waitlist;

/// <summary>
/// A waitlist control end to end over HTTP: the design chosen in the analysis plan, mentees randomised
/// from a seed that reproduces the arms, the arms kept from mentees until released, the later arm kept
/// from pairing until it starts and alone asked the before questionnaire again.
/// </summary>
public sealed class WaitlistTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private const string WaitlistPrimary = "mentee:awareness:before:after";

    private static Dictionary<string, string> Plan(string design, string primary = WaitlistPrimary) =>
        new() { ["Input.Design"] = design, ["Input.Primary"] = primary, ["Input.Alpha"] = "0.05" };

    internal static async Task ChooseWaitlistAsync(DemoFactory factory, Guid id)
    {
        var coordinator = await factory.AsAsync("coordinator");
        var saved = await coordinator.SubmitAsync($"/programmes/{id}/analysis-plan", Plan(AnalysisPlan.WaitlistControl));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    internal static async Task<HttpResponseMessage> RandomiseAsync(HttpClient coordinator, Guid id, string seed) =>
        await coordinator.SubmitAsync($"/programmes/{id}/waitlist", new Dictionary<string, string> { ["Seed"] = seed }, $"/programmes/{id}/waitlist?handler=Randomise");

    [Fact]
    public async Task The_design_is_chosen_in_the_plan_and_a_waitlist_needs_a_mentees_primary_outcome()
    {
        var id = await WaitlistProgramme.CreateAsync(factory, "Waitlist: design");
        var coordinator = await factory.AsAsync("coordinator");
        var page = $"/programmes/{id}/analysis-plan";
        Assert.Contains("Waitlist control: start now or later, by randomisation", await coordinator.GetStringAsync(page));

        var mentors = await coordinator.SubmitAsync(page, Plan(AnalysisPlan.WaitlistControl, "mentor:confidence:before:after"));
        Assert.Equal(HttpStatusCode.OK, mentors.StatusCode);
        var html = await mentors.Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", html);
        Assert.Contains("In a waitlist control the primary outcome must be a mentees", html);
        var unknown = await coordinator.SubmitAsync(page, Plan("crossover"));
        Assert.Contains("Select the design", await unknown.Content.ReadAsStringAsync());
        Assert.False(await factory.WithDbAsync(db => db.AnalysisPlans.AnyAsync(p => p.ProgrammeId == id)));

        // Before the design is chosen, the randomisation page says so and draws nothing.
        Assert.Contains("id=\"not-waitlist\"", await coordinator.GetStringAsync($"/programmes/{id}/waitlist"));
        var early = await RandomiseAsync(coordinator, id, "1");
        Assert.Contains("is not a waitlist control", await early.Content.ReadAsStringAsync());

        await ChooseWaitlistAsync(factory, id);
        // Nothing to tell, and no later arm to start, before the draw.
        var release = await coordinator.SubmitAsync($"/programmes/{id}/waitlist", new Dictionary<string, string>(), $"/programmes/{id}/waitlist?handler=Release");
        Assert.Contains("Randomise the mentees before telling them their arms", await release.Content.ReadAsStringAsync());
        var start = await coordinator.SubmitAsync($"/programmes/{id}/waitlist", new Dictionary<string, string>(), $"/programmes/{id}/waitlist?handler=StartLater");
        Assert.Contains("Tell the mentees their arms before the later arm starts", await start.Content.ReadAsStringAsync());
        var stored = AnalysisPlan.Parse(await factory.WithDbAsync(db => db.AnalysisPlans.Where(p => p.ProgrammeId == id).Select(p => p.Json).SingleAsync()))!;
        Assert.Equal(AnalysisPlan.WaitlistControl, stored.Design);
        Assert.Contains("mann_whitney_change_between_arms_two_sided", stored.CanonicalJson());
        Assert.Contains("id=\"waitlist-link\"", await coordinator.GetStringAsync($"/programmes/{id}"));
        Assert.DoesNotContain("id=\"waitlist-link\"", await (await factory.AsAsync("mentee1")).GetStringAsync($"/programmes/{id}"));
    }

    [Fact]
    public async Task The_seed_reproduces_the_arms_and_the_draw_is_audited_and_never_redrawn()
    {
        var id = await WaitlistProgramme.CreateAsync(factory, "Waitlist: randomisation");
        await ChooseWaitlistAsync(factory, id);
        var coordinator = await factory.AsAsync("coordinator");

        var bad = await RandomiseAsync(coordinator, id, "not a number");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("Enter the seed as a whole number", await bad.Content.ReadAsStringAsync());
        Assert.False(await factory.WithDbAsync(db => db.WaitlistAllocations.AnyAsync(a => a.ProgrammeId == id)));

        Assert.Equal(HttpStatusCode.Redirect, (await RandomiseAsync(coordinator, id, "20261206")).StatusCode);
        var arms = await factory.WithDbAsync(db => db.ArmAssignments.Where(a => a.ProgrammeId == id)
            .Join(db.Enrolments, a => a.EnrolmentId, e => e.Id, (a, e) => new { e.ParticipantCode, a.Arm }).ToListAsync());
        // Anyone with the list (mentees by participant code) and the seed gets the same arms.
        var codes = arms.Select(a => a.ParticipantCode).Order(StringComparer.Ordinal).ToList();
        var expected = WaitlistRandomisation.Allocate(codes, 20261206).ToDictionary(x => x.Person, x => x.Arm);
        Assert.Equal(6, arms.Count);
        Assert.All(arms, a => Assert.Equal(expected[a.ParticipantCode], a.Arm));
        Assert.Equal(3, arms.Count(a => a.Arm == Arm.StartNow));

        var page = await coordinator.GetStringAsync($"/programmes/{id}/waitlist");
        Assert.Contains("<dd class=\"nhsuk-summary-list__value\" id=\"seed\">20261206</dd>", page);
        Assert.Contains("3 start now, 3 start later", page);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.WaitlistRandomised && a.ProgrammeId == id
            && a.Detail == "seed=20261206; mentees=6; start-now=3; start-later=3")));
        // The later arm's second before-questionnaire exists, closed, with the before questionnaire's questions.
        var again = await factory.WithDbAsync(db => db.Waves.SingleAsync(w => w.ProgrammeId == id && w.Stage == Stage.BeforeAgain));
        Assert.False(again.IsOpen);
        Assert.Equal(ProgrammeRole.Mentee, again.Audience);

        var twice = await RandomiseAsync(coordinator, id, "7");
        Assert.Contains("never drawn again", await twice.Content.ReadAsStringAsync());
        Assert.Equal(20261206, await factory.WithDbAsync(db => db.WaitlistAllocations.Where(a => a.ProgrammeId == id).Select(a => a.Seed).SingleAsync()));

        // Once drawn, the design stays a waitlist control.
        var back = await coordinator.SubmitAsync($"/programmes/{id}/analysis-plan", Plan(AnalysisPlan.SingleGroupBeforeAfter));
        Assert.Contains("the design stays a waitlist control", await back.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Mentees_learn_their_arm_only_when_released_and_the_later_arm_waits_to_be_paired_and_alone_answers_again()
    {
        var id = await WaitlistProgramme.CreateAsync(factory, "Waitlist: release");
        await ChooseWaitlistAsync(factory, id);
        var coordinator = await factory.AsAsync("coordinator");
        var allocation = $"/programmes/{id}/allocation";
        Assert.Contains("Waiting for the randomisation to start now or later", await coordinator.GetStringAsync(allocation));

        await RandomiseAsync(coordinator, id, "99");
        var arms = await factory.WithDbAsync(db => db.ArmAssignments.Where(a => a.ProgrammeId == id).ToDictionaryAsync(a => a.EnrolmentId, a => a.Arm));
        var enrolments = new Dictionary<string, Enrolment>();
        foreach (var who in WaitlistProgramme.Mentees) enrolments[who] = await WaitlistProgramme.EnrolmentAsync(factory, id, who);
        string later = WaitlistProgramme.Mentees.First(m => arms[enrolments[m].Id] == Arm.StartLater);
        string now = WaitlistProgramme.Mentees.First(m => arms[enrolments[m].Id] == Arm.StartNow);
        // The questionnaire "before again" is open, as it would be when the first arm answers after.
        await factory.WithDbAsync(async db =>
        {
            var wave = await db.Waves.SingleAsync(w => w.ProgrammeId == id && w.Stage == Stage.BeforeAgain);
            wave.Open(new DateTime(2026, 12, 6, 9, 0, 0, DateTimeKind.Utc));
            await db.SaveChangesAsync();
        });
        var againWave = await factory.WithDbAsync(db => db.Waves.Where(w => w.ProgrammeId == id && w.Stage == Stage.BeforeAgain).Select(w => w.Id).SingleAsync());

        // Before release: nothing of the arm on the mentee's pages, and the later arm's questionnaire is not theirs.
        var laterClient = await factory.AsAsync(later);
        var nowClient = await factory.AsAsync(now);
        foreach (var client in new[] { laterClient, nowClient })
        {
            var overview = await client.GetStringAsync($"/programmes/{id}");
            Assert.DoesNotContain("your-arm", overview);
            Assert.DoesNotContain("Start later", overview);
            Assert.DoesNotContain("start now", overview, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("end of waiting", await client.GetStringAsync($"/programmes/{id}/questionnaires"));
            Assert.DoesNotContain("end of waiting", await client.GetStringAsync("/"));
            Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/programmes/{id}/questionnaires/{againWave}")).StatusCode);
        }

        // The start-now arm can be paired; the later arm is listed as waiting, and pairing one by hand is refused.
        var allocationPage = await coordinator.GetStringAsync(allocation);
        // Who the allocation would take: every mentee it takes is in its preview, paired or left without a mentor.
        async Task<string> PreviewAsync()
        {
            var html = await coordinator.GetStringAsync($"{allocation}?Mode=Random&Seed=1");
            return html[html.IndexOf("id=\"preview\"", StringComparison.Ordinal)..html.IndexOf("id=\"by-hand\"", StringComparison.Ordinal)];
        }
        var preview = await PreviewAsync();
        Assert.Contains($"({enrolments[now].ParticipantCode})", preview);
        Assert.DoesNotContain($"({enrolments[later].ParticipantCode})", preview);
        Assert.Contains("Start later arm: waiting until the later arm starts", allocationPage);
        var mentor = await WaitlistProgramme.EnrolmentAsync(factory, id, "mentor1");
        var byHand = await coordinator.SubmitAsync(allocation, new Dictionary<string, string> { ["Hand.Mentee"] = enrolments[later].Id.ToString(), ["Hand.Mentor"] = mentor.Id.ToString() }, $"{allocation}?handler=Pair");
        Assert.Contains("This mentee cannot be paired yet: start later arm", await byHand.Content.ReadAsStringAsync());
        Assert.False(await factory.WithDbAsync(db => db.Pairings.AnyAsync(p => p.ProgrammeId == id)));

        // Released: each mentee sees their arm and what it means; only the later arm is asked again.
        var release = await coordinator.SubmitAsync($"/programmes/{id}/waitlist", new Dictionary<string, string>(), $"/programmes/{id}/waitlist?handler=Release");
        Assert.Equal(HttpStatusCode.Redirect, release.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.WaitlistReleased && a.ProgrammeId == id)));
        var laterOverview = await laterClient.GetStringAsync($"/programmes/{id}");
        Assert.Contains("id=\"your-arm\"", laterOverview);
        Assert.Contains("When you start: start later", laterOverview);
        Assert.Contains("You will be paired with a mentor in the next round", laterOverview);
        var nowOverview = await nowClient.GetStringAsync($"/programmes/{id}");
        Assert.Contains("When you start: start now", nowOverview);
        Assert.Contains("You will be paired with a mentor in this round", nowOverview);
        Assert.Contains("end of waiting", await laterClient.GetStringAsync($"/programmes/{id}/questionnaires"));
        Assert.Contains("end of waiting", await laterClient.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.OK, (await laterClient.GetAsync($"/programmes/{id}/questionnaires/{againWave}")).StatusCode);
        Assert.DoesNotContain("end of waiting", await nowClient.GetStringAsync($"/programmes/{id}/questionnaires"));
        Assert.NotEqual(HttpStatusCode.OK, (await nowClient.GetAsync($"/programmes/{id}/questionnaires/{againWave}")).StatusCode);

        // The later arm starts: now it can be paired.
        var start = await coordinator.SubmitAsync($"/programmes/{id}/waitlist", new Dictionary<string, string>(), $"/programmes/{id}/waitlist?handler=StartLater");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.WaitlistLaterArmStarted && a.ProgrammeId == id)));
        Assert.Contains($"({enrolments[later].ParticipantCode})", await PreviewAsync());
    }

    [Fact]
    public async Task Two_draws_two_releases_and_two_starts_at_once_each_make_one()
    {
        var id = await WaitlistProgramme.CreateAsync(factory, "Waitlist: race");
        await ChooseWaitlistAsync(factory, id);
        var coordinator = await factory.AsAsync("coordinator");
        var page = $"/programmes/{id}/waitlist";

        var draws = await coordinator.SubmitAtOnceAsync(2, page, new Dictionary<string, string> { ["Seed"] = "5" }, $"{page}?handler=Randomise");
        Assert.Contains(draws, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(draws, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK));
        Assert.Equal(1, await factory.WithDbAsync(db => db.WaitlistAllocations.CountAsync(a => a.ProgrammeId == id)));
        Assert.Equal(6, await factory.WithDbAsync(db => db.ArmAssignments.CountAsync(a => a.ProgrammeId == id)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Waves.CountAsync(w => w.ProgrammeId == id && w.Stage == Stage.BeforeAgain)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.WaitlistRandomised && a.ProgrammeId == id)));

        var releases = await coordinator.SubmitAtOnceAsync(2, page, new Dictionary<string, string>(), $"{page}?handler=Release");
        Assert.All(releases, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.WaitlistReleased && a.ProgrammeId == id)));
        Assert.Equal(6, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.ProgrammeId == id && n.Kind == Upward.Core.Notifications.NotificationKind.StartTold)));

        var starts = await coordinator.SubmitAtOnceAsync(2, page, new Dictionary<string, string>(), $"{page}?handler=StartLater");
        Assert.All(starts, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.WaitlistLaterArmStarted && a.ProgrammeId == id)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.TimelineEntries.CountAsync(t => t.ProgrammeId == id && t.Step == Upward.Core.Timeline.TimelineStep.BeforeAgainQuestionnaire)));
        Assert.Equal(9, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.ProgrammeId == id && n.Kind == Upward.Core.Notifications.NotificationKind.StartTold)));
    }

    [Fact]
    public async Task A_mentee_who_joins_after_the_draw_is_listed_as_in_no_arm_and_is_not_told_an_arm()
    {
        var id = await WaitlistProgramme.CreateAsync(factory, "Waitlist: late");
        await ChooseWaitlistAsync(factory, id);
        var coordinator = await factory.AsAsync("coordinator");
        var page = $"/programmes/{id}/waitlist";
        Assert.DoesNotContain("id=\"joined-after\"", await coordinator.GetStringAsync(page));
        Assert.Equal(HttpStatusCode.Redirect, (await RandomiseAsync(coordinator, id, "3")).StatusCode);
        Assert.DoesNotContain("id=\"joined-after\"", await coordinator.GetStringAsync(page));

        // mentor5 joins as a mentee after the draw.
        await factory.WithDbAsync(async db =>
        {
            var user = await db.Users.Where(u => u.Email == Upward.Web.Demo.DemoProgramme.EmailOf("mentor5")).Select(u => u.Id).SingleAsync();
            db.Enrolments.Add(new Enrolment { ProgrammeId = id, UserId = user, Role = ProgrammeRole.Mentee, Status = EnrolmentStatus.Consented, ParticipantCode = "ME-99", Department = "Theatres" });
            await db.SaveChangesAsync();
        });
        var html = await coordinator.GetStringAsync(page);
        Assert.Contains("Joined after the draw: not in any arm (1)", html);
        Assert.Contains("ME-99: ", html);
        Assert.Contains("(Theatres)", html);
        // The draw's own list is unchanged: the seed still checks out.
        Assert.Contains("Arms: 3 start now, 3 start later", html);

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync(page, new Dictionary<string, string>(), $"{page}?handler=Release")).StatusCode);
        Assert.Equal(6, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.ProgrammeId == id && n.Kind == Upward.Core.Notifications.NotificationKind.StartTold)));
        Assert.False(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.ProgrammeId == id
            && db.Users.Any(u => u.Id == n.UserId && u.Email == Upward.Web.Demo.DemoProgramme.EmailOf("mentor5")))));
    }

    [Theory]
    [InlineData("mentee1")]
    [InlineData("mentor1")]
    [InlineData("researcher")]
    [InlineData("facilitator")]
    public async Task Only_whoever_manages_the_programme_randomises_or_releases(string who)
    {
        var id = await WaitlistProgramme.CreateAsync(factory, $"Waitlist: refused to {who}");
        await ChooseWaitlistAsync(factory, id);
        var client = await factory.AsAsync(who);
        var get = await client.GetAsync($"/programmes/{id}/waitlist");
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.Contains("/account/access-denied", get.Headers.Location!.OriginalString);
        foreach (var handler in new[] { "Randomise", "Release", "StartLater" })
        {
            // A real antiforgery token from a page they may open: only the capability stops them.
            var post = await client.SubmitAsync($"/programmes/{id}", new Dictionary<string, string> { ["Seed"] = "5" }, $"/programmes/{id}/waitlist?handler={handler}");
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.Contains("/account/access-denied", post.Headers.Location!.OriginalString);
        }
        Assert.False(await factory.WithDbAsync(db => db.WaitlistAllocations.AnyAsync(a => a.ProgrammeId == id)));

        // Randomised and released by the coordinator: still nothing for them to release or start.
        var coordinator = await factory.AsAsync("coordinator");
        await RandomiseAsync(coordinator, id, "5");
        var release = await client.SubmitAsync($"/programmes/{id}", new Dictionary<string, string>(), $"/programmes/{id}/waitlist?handler=Release");
        Assert.Equal(HttpStatusCode.Redirect, release.StatusCode);
        Assert.Contains("/account/access-denied", release.Headers.Location!.OriginalString);
        Assert.Null(await factory.WithDbAsync(db => db.WaitlistAllocations.Where(a => a.ProgrammeId == id).Select(a => a.ReleasedAtUtc).SingleAsync()));
    }
}

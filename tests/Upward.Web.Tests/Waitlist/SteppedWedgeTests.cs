using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.Auditing;
using Upward.Core.Designs;
using Upward.Core.Evaluation;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Web.Demo;
using Upward.Web.Pages.Waitlist;
using Upward.Web.Scheduling;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Waitlist;

/// <summary>
/// Whole departments randomised: to a waitlist's arms, and to a stepped wedge's steps with a schedule of
/// start dates — drawn once from a seed that reproduces it, told to mentees only when released, each
/// step's mentees kept from pairing and from the second before-questionnaire until their step starts.
/// </summary>
public sealed class SteppedWedgeTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private const string Primary = "mentee:awareness:before:after";

    /// <summary>Three departments of two mentees each.</summary>
    private static readonly Dictionary<string, string> DepartmentOf = new()
    {
        ["mentee1"] = "Cardiology", ["mentee2"] = "Cardiology",
        ["mentee3"] = "Maternity", ["mentee4"] = "Maternity",
        ["mentee5"] = "Radiology", ["mentor4"] = "Radiology",
    };

    private async Task<Guid> ProgrammeAsync(string name, string design, bool departments = true)
    {
        var id = await WaitlistProgramme.CreateAsync(factory, name);
        var coordinator = await factory.AsAsync("coordinator");
        var saved = await coordinator.SubmitAsync($"/programmes/{id}/analysis-plan",
            new Dictionary<string, string> { ["Input.Design"] = design, ["Input.Primary"] = Primary, ["Input.Alpha"] = "0.05" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        if (departments)
        {
            foreach (var (who, department) in DepartmentOf) await SetDepartmentAsync(id, who, department);
        }
        return id;
    }

    private Task SetDepartmentAsync(Guid id, string who, string? department) => factory.WithDbAsync(async db =>
    {
        var enrolment = await db.Enrolments.SingleAsync(e => e.ProgrammeId == id && db.Users.Any(u => u.Id == e.UserId && u.Email == DemoProgramme.EmailOf(who)));
        enrolment.Department = department;
        await db.SaveChangesAsync();
    });

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static Dictionary<string, string> Schedule(string steps, string weeks, DateOnly? first, string seed) => new()
    {
        ["Steps"] = steps, ["Weeks"] = weeks, ["Seed"] = seed,
        ["First.Day"] = first?.Day.ToString() ?? "31", ["First.Month"] = first?.Month.ToString() ?? "2", ["First.Year"] = first?.Year.ToString() ?? "2027",
    };

    private static Task<HttpResponseMessage> DrawAsync(HttpClient client, Guid id, Dictionary<string, string> form) =>
        client.SubmitAsync($"/programmes/{id}/stepped-wedge", form, $"/programmes/{id}/stepped-wedge?handler=Draw");

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid id, string handler, Dictionary<string, string>? form = null) =>
        client.SubmitAsync($"/programmes/{id}/stepped-wedge", form ?? [], $"/programmes/{id}/stepped-wedge?handler={handler}");

    [Fact]
    public async Task A_waitlist_can_randomise_whole_departments_and_refuses_while_a_mentee_has_none()
    {
        var id = await ProgrammeAsync("Waitlist by department", AnalysisPlan.WaitlistControl);
        await SetDepartmentAsync(id, "mentee5", null);
        await SetDepartmentAsync(id, "mentor4", "  ");
        var coordinator = await factory.AsAsync("coordinator");
        var page = $"/programmes/{id}/waitlist";
        Assert.Contains("2 mentees have no department", await coordinator.GetStringAsync(page));

        var refused = await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["Seed"] = "20261206", ["Unit"] = "department" }, $"{page}?handler=Randomise");
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("nhsuk-error-summary", html);
        Assert.Contains("2 mentees have no department (ME-11, ME-12)", html);
        var odd = await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["Seed"] = "1", ["Unit"] = "ward" }, $"{page}?handler=Randomise");
        Assert.Contains("Select whether to randomise each mentee or whole departments", await odd.Content.ReadAsStringAsync());
        Assert.False(await factory.WithDbAsync(db => db.WaitlistAllocations.AnyAsync(a => a.ProgrammeId == id)));

        await SetDepartmentAsync(id, "mentee5", "Radiology");
        await SetDepartmentAsync(id, "mentor4", "Radiology");
        var drawn = await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["Seed"] = "20261206", ["Unit"] = "department" }, $"{page}?handler=Randomise");
        Assert.Equal(HttpStatusCode.Redirect, drawn.StatusCode);

        // The record says which unit was drawn, and the departments' arms are the seed's, in alphabetical order.
        var allocation = await factory.WithDbAsync(db => db.WaitlistAllocations.SingleAsync(a => a.ProgrammeId == id));
        Assert.Equal(RandomisedUnit.Department, allocation.Unit);
        var expected = WaitlistRandomisation.AllocateDepartments(["Radiology", "Cardiology", "Maternity"], 20261206).ToDictionary(d => d.Department, d => d.Arm);
        var departments = await factory.WithDbAsync(db => db.DepartmentAssignments.Where(d => d.ProgrammeId == id).ToListAsync());
        Assert.Equal(3, departments.Count);
        Assert.All(departments, d => Assert.Equal(expected[d.Department], Steps.ArmOf(d.Step)));
        // Every mentee is in their department's arm.
        foreach (var (who, department) in DepartmentOf)
        {
            var enrolment = await WaitlistProgramme.EnrolmentAsync(factory, id, who);
            Assert.Equal(expected[department], await factory.WithDbAsync(db => db.ArmAssignments.Where(a => a.EnrolmentId == enrolment.Id).Select(a => a.Step).SingleAsync()) == 1 ? Arm.StartNow : Arm.StartLater);
        }
        var nowPeople = DepartmentOf.Values.Count(d => expected[d] == Arm.StartNow);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.WaitlistRandomised && a.ProgrammeId == id
            && a.Detail == $"seed=20261206; unit=department; departments=3; start-now-departments=2; mentees=6; start-now={nowPeople}; start-later={6 - nowPeople}")));
        var after = await coordinator.GetStringAsync(page);
        Assert.Contains("Whole departments: 3 in alphabetical order", after);
        Assert.Contains("id=\"department-arms\"", after);
        Assert.Contains("Departments: 2 start now, 1 start later", after);
    }

    [Fact]
    public async Task The_coordinator_draws_a_schedule_from_a_seed_and_bad_input_is_listed_in_the_error_summary()
    {
        var id = await ProgrammeAsync("Stepped wedge: draw", AnalysisPlan.SteppedWedge);
        var coordinator = await factory.AsAsync("coordinator");
        Assert.Contains("id=\"stepped-wedge-link\"", await coordinator.GetStringAsync($"/programmes/{id}"));

        var bad = await DrawAsync(coordinator, id, Schedule("nine", "x", null, "-3"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", html);
        Assert.Contains("Enter the number of steps as a whole number from 2 to 6", html);
        Assert.Contains("Enter the weeks between steps as a whole number from 1 to 52", html);
        Assert.Contains("Enter a real date for the first step", html);
        Assert.Contains("Enter the seed as a whole number", html);
        var past = await DrawAsync(coordinator, id, Schedule("2", "4", Today.AddDays(-2), "1"));
        Assert.Contains("must be today or later", await past.Content.ReadAsStringAsync());
        var tooMany = await DrawAsync(coordinator, id, Schedule("4", "4", Today.AddDays(7), "1"));
        Assert.Contains("There can be no more steps than departments with mentees (3)", await tooMany.Content.ReadAsStringAsync());
        Assert.False(await factory.WithDbAsync(db => db.WaitlistAllocations.AnyAsync(a => a.ProgrammeId == id)));

        var first = Today.AddDays(7);
        Assert.Equal(HttpStatusCode.Redirect, (await DrawAsync(coordinator, id, Schedule("3", "4", first, "42"))).StatusCode);
        var allocation = await factory.WithDbAsync(db => db.WaitlistAllocations.SingleAsync(a => a.ProgrammeId == id));
        Assert.Equal(AnalysisPlan.SteppedWedge, allocation.Design);
        Assert.Equal(RandomisedUnit.Department, allocation.Unit);
        Assert.Equal(4, allocation.WeeksBetweenSteps);
        var steps = await factory.WithDbAsync(db => db.DesignSteps.Where(s => s.ProgrammeId == id).OrderBy(s => s.Number).ToListAsync());
        Assert.Equal([first, first.AddDays(28), first.AddDays(56)], steps.Select(s => s.StartsOn));
        Assert.All(steps, s => Assert.Null(s.StartedAtUtc));
        // Anyone with the departments and the seed gets the same steps.
        var expected = SteppedWedgeSchedule.Draw(DepartmentOf.Values, 3, 42).ToDictionary(d => d.Department, d => d.Step);
        var departments = await factory.WithDbAsync(db => db.DepartmentAssignments.Where(d => d.ProgrammeId == id).ToDictionaryAsync(d => d.Department, d => d.Step));
        Assert.Equal(expected, departments);
        foreach (var (who, department) in DepartmentOf)
        {
            var enrolment = await WaitlistProgramme.EnrolmentAsync(factory, id, who);
            Assert.Equal(expected[department], await factory.WithDbAsync(db => db.ArmAssignments.Where(a => a.EnrolmentId == enrolment.Id).Select(a => a.Step).SingleAsync()));
        }
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.SteppedWedgeDrawn && a.ProgrammeId == id
            && a.Detail!.StartsWith($"seed=42; unit=department; departments=3; mentees=6; steps=3; weeks-between=4; step-1={first:yyyy-MM-dd} (1 departments, 2 mentees)"))));
        Assert.True(await factory.WithDbAsync(db => db.Waves.AnyAsync(w => w.ProgrammeId == id && w.Stage == Stage.BeforeAgain && !w.IsOpen)));

        var page = await coordinator.GetStringAsync($"/programmes/{id}/stepped-wedge");
        Assert.Contains("<dd class=\"nhsuk-summary-list__value\" id=\"seed\">42</dd>", page);
        Assert.Contains("id=\"schedule\"", page);
        Assert.Contains(first.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), page);

        var twice = await DrawAsync(coordinator, id, Schedule("2", "4", first, "7"));
        Assert.Contains("never drawn again", await twice.Content.ReadAsStringAsync());
        // Once drawn, the design stays a stepped wedge.
        var back = await coordinator.SubmitAsync($"/programmes/{id}/analysis-plan",
            new Dictionary<string, string> { ["Input.Design"] = AnalysisPlan.WaitlistControl, ["Input.Primary"] = Primary, ["Input.Alpha"] = "0.05" });
        Assert.Contains("the design stays a stepped wedge", await back.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_draw_refuses_mentees_without_a_department_and_two_draws_at_once_make_one()
    {
        var id = await ProgrammeAsync("Stepped wedge: race", AnalysisPlan.SteppedWedge);
        await SetDepartmentAsync(id, "mentee3", null);
        var coordinator = await factory.AsAsync("coordinator");
        Assert.Contains("id=\"no-department\"", await coordinator.GetStringAsync($"/programmes/{id}/stepped-wedge"));
        var refused = await DrawAsync(coordinator, id, Schedule("2", "4", Today.AddDays(7), "5"));
        Assert.Contains("1 mentee has no department (ME-09)", await refused.Content.ReadAsStringAsync());
        await SetDepartmentAsync(id, "mentee3", "Maternity");

        var responses = await coordinator.SubmitAtOnceAsync(2, $"/programmes/{id}/stepped-wedge", Schedule("2", "4", Today.AddDays(7), "5"), $"/programmes/{id}/stepped-wedge?handler=Draw");
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK));
        Assert.Equal(1, await factory.WithDbAsync(db => db.WaitlistAllocations.CountAsync(a => a.ProgrammeId == id)));
        Assert.Equal(2, await factory.WithDbAsync(db => db.DesignSteps.CountAsync(s => s.ProgrammeId == id)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SteppedWedgeDrawn && a.ProgrammeId == id)));

        _ = await coordinator.SubmitAtOnceAsync(2, $"/programmes/{id}/stepped-wedge", new Dictionary<string, string>(), $"/programmes/{id}/stepped-wedge?handler=Release");
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SteppedWedgeReleased && a.ProgrammeId == id)));
        _ = await coordinator.SubmitAtOnceAsync(2, $"/programmes/{id}/stepped-wedge", new Dictionary<string, string> { ["Step"] = "1" }, $"/programmes/{id}/stepped-wedge?handler=Start");
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SteppedWedgeStepStarted && a.ProgrammeId == id)));
    }

    [Fact]
    public async Task Mentees_learn_their_start_date_when_released_and_each_step_waits_for_its_start_to_be_paired_and_to_answer_again()
    {
        var id = await ProgrammeAsync("Stepped wedge: steps", AnalysisPlan.SteppedWedge);
        var coordinator = await factory.AsAsync("coordinator");
        var allocationPage = $"/programmes/{id}/allocation";
        Assert.Contains("Waiting for the departments to be drawn to steps", await coordinator.GetStringAsync(allocationPage));
        var first = Today.AddDays(14);
        await DrawAsync(coordinator, id, Schedule("3", "2", first, "42"));
        var stepOf = SteppedWedgeSchedule.Draw(DepartmentOf.Values, 3, 42).ToDictionary(d => d.Department, d => d.Step);
        string InStep(int n) => DepartmentOf.First(d => stepOf[d.Value] == n).Key;
        var enrolments = new Dictionary<string, Guid>();
        var codes = new Dictionary<string, string>();
        foreach (var who in DepartmentOf.Keys)
        {
            var enrolment = await WaitlistProgramme.EnrolmentAsync(factory, id, who);
            (enrolments[who], codes[who]) = (enrolment.Id, enrolment.ParticipantCode);
        }
        // Who the allocation would take: every mentee it takes is in its preview, paired or left without a mentor.
        async Task<string> PreviewAsync()
        {
            var html = await coordinator.GetStringAsync($"{allocationPage}?Mode=Random&Seed=1");
            var start = html.IndexOf("id=\"preview\"", StringComparison.Ordinal);
            return start < 0 ? "" : html[start..html.IndexOf("id=\"by-hand\"", StringComparison.Ordinal)];
        }
        await factory.WithDbAsync(async db =>
        {
            (await db.Waves.SingleAsync(w => w.ProgrammeId == id && w.Stage == Stage.BeforeAgain)).Open(DateTime.UtcNow);
            await db.SaveChangesAsync();
        });

        // Before release nothing of the step reaches a mentee, no step can start, and no one can be paired.
        var step2 = await factory.AsAsync(InStep(2));
        Assert.DoesNotContain("your-step", await step2.GetStringAsync($"/programmes/{id}"));
        Assert.Contains("Tell the mentees their start dates before a step starts", await (await PostAsync(coordinator, id, "Start", new() { ["Step"] = "1" })).Content.ReadAsStringAsync());
        var allocation = await coordinator.GetStringAsync(allocationPage);
        Assert.DoesNotContain($"({codes[InStep(1)]})", await PreviewAsync());
        Assert.Contains("Step 1: waiting until the step starts", allocation);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, id, "Release")).StatusCode);
        var overview = await step2.GetStringAsync($"/programmes/{id}");
        Assert.Contains("id=\"your-step\"", overview);
        Assert.Contains($"starts on {first.AddDays(14).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} (step 2 of 3)", overview);
        Assert.Contains("and again when your department", overview);
        // Released but step 2 not started: not yet asked the second before-questionnaire.
        Assert.DoesNotContain("end of waiting", await step2.GetStringAsync($"/programmes/{id}/questionnaires"));

        // Steps start in order.
        Assert.Contains("Start step 1 before step 2", await (await PostAsync(coordinator, id, "Start", new() { ["Step"] = "2" })).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, id, "Start", new() { ["Step"] = "1" })).StatusCode);
        allocation = await coordinator.GetStringAsync(allocationPage);
        var preview = await PreviewAsync();
        Assert.Contains($"({codes[InStep(1)]})", preview);
        Assert.DoesNotContain($"({codes[InStep(2)]})", preview);
        var mentor = await WaitlistProgramme.EnrolmentAsync(factory, id, "mentor1");
        var byHand = await coordinator.SubmitAsync(allocationPage, new Dictionary<string, string> { ["Hand.Mentee"] = enrolments[InStep(2)].ToString(), ["Hand.Mentor"] = mentor.Id.ToString() }, $"{allocationPage}?handler=Pair");
        Assert.Contains("This mentee cannot be paired yet: step 2", await byHand.Content.ReadAsStringAsync());

        // Step 2 starts on its date, by the scheduler: its mentees may be paired and are asked again; step 3 still waits.
        await factory.WithDbAsync(async db =>
        {
            var step = await db.DesignSteps.SingleAsync(s => s.ProgrammeId == id && s.Number == 2);
            db.DesignSteps.Remove(step);
            await db.SaveChangesAsync();
            db.DesignSteps.Add(new DesignStep { ProgrammeId = id, Number = 2, StartsOn = Today.AddDays(-1) });
            await db.SaveChangesAsync();
        });
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var job = scope.ServiceProvider.GetServices<IScheduledJob>().OfType<SteppedWedgeJob>().Single();
            await job.RunAsync(CancellationToken.None);
            await job.RunAsync(CancellationToken.None);
        }
        var started = await factory.WithDbAsync(db => db.DesignSteps.Where(s => s.ProgrammeId == id).OrderBy(s => s.Number).ToListAsync());
        Assert.Equal([true, true, false], started.Select(s => s.StartedAtUtc is not null));
        Assert.Equal("schedule", started[1].StartedBy);
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SteppedWedgeStepStarted && a.ProgrammeId == id && a.Subject == "step 2")));
        Assert.Contains($"({codes[InStep(2)]})", await PreviewAsync());
        Assert.Contains("end of waiting", await step2.GetStringAsync($"/programmes/{id}/questionnaires"));
        var step3 = await factory.AsAsync(InStep(3));
        Assert.DoesNotContain("end of waiting", await step3.GetStringAsync($"/programmes/{id}/questionnaires"));
        var step1 = await factory.AsAsync(InStep(1));
        Assert.DoesNotContain("end of waiting", await step1.GetStringAsync($"/programmes/{id}/questionnaires"));
    }

    [Fact]
    public async Task A_step_started_by_hand_while_the_scheduler_starts_it_on_its_date_is_started_once()
    {
        var id = await ProgrammeAsync("Stepped wedge: hand and scheduler at once", AnalysisPlan.SteppedWedge);
        var coordinator = await factory.AsAsync("coordinator");
        Assert.Equal(HttpStatusCode.Redirect, (await DrawAsync(coordinator, id, Schedule("3", "2", Today.AddDays(14), "9"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, id, "Release")).StatusCode);
        for (var round = 0; round < 8; round++)
        {
            // Step 1 due since yesterday and not started (the audit log is append-only: what each round adds is counted).
            var before = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.ProgrammeId == id && a.Action == AuditAction.SteppedWedgeStepStarted));
            await factory.WithDbAsync(async db =>
            {
                db.DesignSteps.Remove(await db.DesignSteps.SingleAsync(s => s.ProgrammeId == id && s.Number == 1));
                await db.SaveChangesAsync();
                db.DesignSteps.Add(new DesignStep { ProgrammeId = id, Number = 1, StartsOn = Today.AddDays(-1) });
                await db.SaveChangesAsync();
            });
            var token = await coordinator.TokenAsync($"/programmes/{id}/stepped-wedge");
            async Task ScheduleAsync()
            {
                await using var scope = factory.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetServices<IScheduledJob>().OfType<SteppedWedgeJob>().Single().RunAsync(CancellationToken.None);
            }
            var byHand = coordinator.PostAsync($"/programmes/{id}/stepped-wedge?handler=Start",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["Step"] = "1", ["__RequestVerificationToken"] = token }));
            await Task.WhenAll(byHand, ScheduleAsync());
            Assert.Equal(HttpStatusCode.Redirect, (await byHand).StatusCode);

            // Whichever came first started it; the other left it as it was.
            var step = await factory.WithDbAsync(db => db.DesignSteps.SingleAsync(s => s.ProgrammeId == id && s.Number == 1));
            var audits = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.ProgrammeId == id && a.Action == AuditAction.SteppedWedgeStepStarted).ToListAsync());
            Assert.NotNull(step.StartedAtUtc);
            Assert.Equal(before + 1, audits.Count);
            var audit = audits.OrderBy(a => a.Id).Last();
            Assert.Equal(step.StartedBy == "schedule", audit.Detail!.StartsWith("on its date", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("mentee1")]
    [InlineData("mentor1")]
    [InlineData("facilitator")]
    [InlineData("researcher")]
    public async Task Only_whoever_manages_the_programme_draws_releases_or_starts_steps(string who)
    {
        var id = await ProgrammeAsync($"Stepped wedge: refused to {who}", AnalysisPlan.SteppedWedge);
        var client = await factory.AsAsync(who);
        DemoPeople.AssertRefused(await client.GetAsync($"/programmes/{id}/stepped-wedge"), "the schedule page");
        foreach (var handler in new[] { "Draw", "Release", "Start" })
        {
            // A real antiforgery token from a page they may open: only the capability stops them.
            var post = await client.SubmitAsync($"/programmes/{id}", Schedule("2", "4", Today.AddDays(7), "5"), $"/programmes/{id}/stepped-wedge?handler={handler}");
            DemoPeople.AssertRefused(post, handler);
        }
        Assert.False(await factory.WithDbAsync(db => db.WaitlistAllocations.AnyAsync(a => a.ProgrammeId == id)));
    }

    [Fact]
    public async Task Another_programmes_coordinator_cannot_see_or_draw_the_schedule()
    {
        var id = await ProgrammeAsync("Stepped wedge: another coordinator", AnalysisPlan.SteppedWedge);
        // mentor6 coordinates a programme of their own in the same organisation, and is not in this one.
        var other = await factory.WithDbAsync(async db =>
        {
            var demo = await db.Programmes.FirstAsync();
            var programme = Programme.FromTemplate(ProgrammeTemplate.For(ProgrammeType.DigitalSkills), demo.OrganisationId, "Another programme");
            db.Programmes.Add(programme);
            var user = await db.Users.Where(u => u.Email == DemoProgramme.EmailOf("mentor6")).Select(u => u.Id).SingleAsync();
            db.Enrolments.Add(new Enrolment { ProgrammeId = programme.Id, UserId = user, Role = ProgrammeRole.Coordinator, Status = EnrolmentStatus.Consented, ParticipantCode = "CO-99" });
            await db.SaveChangesAsync();
            return programme.Id;
        });
        var client = await factory.AsAsync("mentor6");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/programmes/{id}/stepped-wedge")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/programmes/{other}/stepped-wedge")).StatusCode);
        var post = await client.SubmitAsync($"/programmes/{other}/stepped-wedge", Schedule("2", "4", Today.AddDays(7), "5"), $"/programmes/{id}/stepped-wedge?handler=Draw");
        // Not a member: the programme is not found for them (a member in the wrong role would be refused instead).
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.WaitlistAllocations.AnyAsync(a => a.ProgrammeId == id)));
    }

    [Fact]
    public async Task The_report_leads_with_the_first_period_and_the_bundle_carries_the_steps_and_imports_with_them()
    {
        var id = await ProgrammeAsync("Stepped wedge: report", AnalysisPlan.SteppedWedge);
        await factory.WithDbAsync(async db =>
        {
            (await db.Programmes.SingleAsync(p => p.Id == id)).AnonymityThreshold = 2;
            await db.SaveChangesAsync();
        });
        var coordinator = await factory.AsAsync("coordinator");
        var first = Today.AddDays(7);
        Assert.Equal(HttpStatusCode.Redirect, (await DrawAsync(coordinator, id, Schedule("2", "3", first, "77"))).StatusCode);
        var stepOf = SteppedWedgeSchedule.Draw(DepartmentOf.Values, 2, 77).ToDictionary(d => d.Department, d => d.Step);

        // Step 1 rates 2 before and 4 after; the later step 3 before and 3 again when its step starts.
        await factory.WithDbAsync(async db =>
        {
            Task AnswerAsync(Guid enrolment, Stage stage, int rating) => WaitlistProgramme.AddAwarenessAsync(db, id, enrolment, stage, rating);
            foreach (var (who, department) in DepartmentOf)
            {
                var enrolment = await db.Enrolments.SingleAsync(e => e.ProgrammeId == id && db.Users.Any(u => u.Id == e.UserId && u.Email == DemoProgramme.EmailOf(who)));
                await AnswerAsync(enrolment.Id, Stage.Before, stepOf[department] == 1 ? 2 : 3);
                await AnswerAsync(enrolment.Id, stepOf[department] == 1 ? Stage.After : Stage.BeforeAgain, stepOf[department] == 1 ? 4 : 3);
            }
            await db.SaveChangesAsync();
        });

        var researcher = await factory.AsAsync("researcher");
        var report = await researcher.GetStringAsync($"/programmes/{id}/evaluation");
        int inStep1 = DepartmentOf.Values.Count(d => stepOf[d] == 1);
        Assert.Contains($"Mentees’ awareness, change during the first period compared between step 1 and the later steps (stepped wedge, first period only): step 1, mentored, changed by a median of ", report);
        Assert.Contains($"(n = {inStep1}); the later steps, while waiting, by a median of 0", report);
        Assert.Contains("Within each step:", report);
        Assert.Contains("<li>Step 2, while waiting (before to before again): ", report);

        // The bundle carries the unit, the steps with their dates and each mentee's step; it imports with them and exports again byte for byte.
        var bundle = await researcher.GetByteArrayAsync($"/programmes/{id}/evaluation/export/bundle.json");
        var text = System.Text.Encoding.UTF8.GetString(bundle);
        Assert.Contains("\"design\": \"stepped_wedge\"", text);
        Assert.Contains("\"unit\": \"department\"", text);
        Assert.Contains($"\"starts_on\": \"{first.AddDays(21):yyyy-MM-dd}\"", text);
        // Each mentee of step 2, and step 2 in the schedule.
        Assert.Equal(6 - inStep1 + 1, System.Text.RegularExpressions.Regex.Count(text, "\"step\": 2,"));
        var read = Upward.Core.Bundles.BundleReader.Read(text);
        var offline = EvaluationReport.Build(read, read.Plan!, read.Arms, read.StepsByCode);
        var sentence = Headline.Findings(offline)[0].Sentence;
        Assert.Contains(System.Net.WebUtility.HtmlEncode(sentence[..sentence.IndexOf("Only the first", StringComparison.Ordinal)]), report);
        var imported = await (await factory.AsAsync("admin")).UploadAsync("/programmes/import-bundle", "Upload", "wedge.json", bundle);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var copy = await factory.WithDbAsync(db => db.Programmes.Where(p => p.Name == "Stepped wedge: report" && p.Id != id).Select(p => p.Id).SingleAsync());
        Assert.Equal([first, first.AddDays(21)], await factory.WithDbAsync(db => db.DesignSteps.Where(s => s.ProgrammeId == copy).OrderBy(s => s.Number).Select(s => s.StartsOn).ToListAsync()));
        var again = await (await factory.AsAsync("admin")).GetByteArrayAsync($"/programmes/{copy}/evaluation/export/bundle.json");
        Assert.Equal(text, System.Text.Encoding.UTF8.GetString(again));
    }
}

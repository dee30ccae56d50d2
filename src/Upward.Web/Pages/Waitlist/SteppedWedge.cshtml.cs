using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Designs;
using Upward.Core.Programmes;
using Upward.Core.Timeline;
using Upward.Data;
using Upward.Data.Evaluation;
using Upward.Web.Identity;
using Upward.Web.Pages.Notifications;
using Upward.Web.Programmes;
using Upward.Web.TagHelpers;

namespace Upward.Web.Pages.Waitlist;

/// <summary>
/// A stepped wedge's schedule: the coordinator chooses the number of steps, the first start date and
/// the weeks between steps; the departments are drawn into the steps from a seed (shown and stored, so
/// anyone with the same departments and seed can check it); then the schedule is told to the mentees,
/// and each step starts — by the coordinator, or on its date once released. Each step is audited and none undone.
/// </summary>
[Requires(ProgrammeCapability.Manage)]
public sealed class SteppedWedgeModel(UpwardDbContext db, TimeProvider clock, NotificationQueue queue, PageLinks pages) : ProgrammePageModel
{
    [BindProperty] public string? Seed { get; set; }
    [BindProperty] public string? Steps { get; set; }
    [BindProperty] public string? Weeks { get; set; }
    [BindProperty] public DayFields First { get; set; } = new();

    /// <summary>The step to start (the start handler's).</summary>
    [BindProperty] public int? Step { get; set; }

    public sealed class DayFields
    {
        public string? Day { get; set; }
        public string? Month { get; set; }
        public string? Year { get; set; }
    }

    public bool IsSteppedWedge { get; private set; }
    public WaitlistAllocation? Allocation { get; private set; }
    public IReadOnlyList<RandomisedMentees.Mentee> Mentees { get; private set; } = [];

    /// <summary>Once drawn, the mentees who agreed to take part afterwards: in no arm or step.</summary>
    public IReadOnlyList<RandomisedMentees.Mentee> JoinedAfter { get; private set; } = [];
    public IReadOnlyList<DesignStep> Schedule { get; private set; } = [];
    public IReadOnlyList<DepartmentAssignment> Departments { get; private set; } = [];

    /// <summary>The departments the draw would take, in the order it takes them (ordinal by name).</summary>
    public IReadOnlyList<string> DepartmentNames => [.. Mentees.Where(m => m.Department is not null).Select(m => m.Department!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public IActionResult OnGet()
    {
        Steps ??= "3";
        Weeks ??= "4";
        return Page();
    }

    public async Task<IActionResult> OnPostDrawAsync(CancellationToken ct)
    {
        ulong? seed = ParseSeed();
        int? steps = int.TryParse(Steps?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
        if (steps is null) ModelState.AddModelError(nameof(Steps), $"Enter the number of steps as a whole number from {SteppedWedgeSchedule.MinSteps} to {SteppedWedgeSchedule.MaxSteps}");
        int? weeks = int.TryParse(Weeks?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : null;
        if (weeks is null) ModelState.AddModelError(nameof(Weeks), $"Enter the weeks between steps as a whole number from 1 to {SteppedWedgeSchedule.MaxWeeksBetween}");
        var first = DateParts.Parse(First.Day, First.Month, First.Year);
        var today = LocalTimes.LocalDate(clock.GetUtcNow().UtcDateTime, LocalTimes.Zone(Programme.TimeZone));
        if (first is null) ModelState.AddModelError("First.Day", "Enter a real date for the first step's start, like 11 1 2027");
        else if (first < today) ModelState.AddModelError("First.Day", "The first step's start must be today or later");
        if (!ModelState.IsValid) return Page();

        var (field, problem) = await db.WriteAtomicallyAsync<(string? Field, string? Problem)>(async ct =>
        {
            // In the programme's turn: two presses at once draw once, and the second is told it is done.
            await db.LockAsync<Programme>(ProgrammeId, ct);
            await LoadAsync(ct);
            if (!IsSteppedWedge) return (nameof(Seed), "This programme's design is not a stepped wedge: choose it in the analysis plan first");
            if (Allocation is not null) return (nameof(Seed), "The departments have already been drawn to steps; the schedule is never drawn again");
            if (Mentees.Count < 2) return (nameof(Seed), "At least 2 mentees must have agreed to take part before their departments can be drawn");
            if (Mentees.Any(m => m.Paired)) return (nameof(Seed), "Some mentees are already paired: draw the steps before anyone is paired");
            if (RandomisedMentees.WhyNoDepartmentDraw(Mentees, SteppedWedgeSchedule.MinSteps) is { } why) return (nameof(Seed), why);
            var names = DepartmentNames;
            if (SteppedWedgeSchedule.Check(names.Count, steps!.Value, weeks!.Value) is { } bad) return (bad.Contains("weeks", StringComparison.Ordinal) ? nameof(Weeks) : nameof(Steps), bad);
            var plan = (await db.CurrentAsync(Programme, ct)).Plan;
            var (before, missing) = await BeforeAgainWave.FindBeforeAsync(db, ProgrammeId, plan, ct);
            if (missing is not null) return (nameof(Seed), missing);

            var now = clock.GetUtcNow().UtcDateTime;
            db.WaitlistAllocations.Add(new WaitlistAllocation
            {
                ProgrammeId = ProgrammeId, Seed = (long)seed!.Value, AllocatedAtUtc = now,
                Design = Core.Evaluation.AnalysisPlan.SteppedWedge, Unit = RandomisedUnit.Department, WeeksBetweenSteps = weeks,
            });
            var drawn = SteppedWedgeSchedule.Draw(names, steps.Value, seed.Value);
            var stepOf = drawn.ToDictionary(d => d.Department, d => d.Step, StringComparer.Ordinal);
            foreach (var (department, step) in drawn)
            {
                db.DepartmentAssignments.Add(new DepartmentAssignment { ProgrammeId = ProgrammeId, Department = department, Step = step });
            }
            foreach (var mentee in Mentees)
            {
                db.ArmAssignments.Add(new ArmAssignment { ProgrammeId = ProgrammeId, EnrolmentId = mentee.EnrolmentId, Step = stepOf[mentee.Department!] });
            }
            var dates = SteppedWedgeSchedule.Dates(first!.Value, steps.Value, weeks.Value);
            for (int n = 1; n <= steps.Value; n++)
            {
                db.DesignSteps.Add(new DesignStep { ProgrammeId = ProgrammeId, Number = n, StartsOn = dates[n - 1] });
            }
            // Those of later steps answer the before questionnaire again when their own step starts.
            await BeforeAgainWave.AddAsync(db, ProgrammeId, before!, now, ct);
            var perStep = Enumerable.Range(1, steps.Value).Select(n =>
                $"step-{n}={dates[n - 1]:yyyy-MM-dd} ({drawn.Count(d => d.Step == n)} departments, {Mentees.Count(m => stepOf[m.Department!] == n)} mentees)");
            db.Audit(AuditAction.SteppedWedgeDrawn, User.UserId(), Programme.OrganisationId, ProgrammeId, "stepped-wedge",
                $"seed={seed.Value}; unit=department; departments={names.Count}; mentees={Mentees.Count}; steps={steps.Value}; weeks-between={weeks.Value}; {string.Join("; ", perStep)}");
            await db.SaveChangesAsync(ct);
            return (null, null);
        }, ct);
        if (problem is not null)
        {
            ModelState.AddModelError(field!, problem);
            return Page();
        }
        return RedirectToPage("/Waitlist/SteppedWedge", new { programmeId = ProgrammeId });
    }

    public async Task<IActionResult> OnPostReleaseAsync(CancellationToken ct)
    {
        var problem = await db.WriteAtomicallyAsync(async ct =>
        {
            await db.LockAsync<Programme>(ProgrammeId, ct);
            var allocation = await db.WaitlistAllocations.SingleOrDefaultAsync(a => a.ProgrammeId == ProgrammeId && a.Design == Core.Evaluation.AnalysisPlan.SteppedWedge, ct);
            if (allocation is null) return "Draw the departments to steps before telling the mentees their start dates";
            if (allocation.ReleasedAtUtc is null)
            {
                allocation.ReleasedAtUtc = clock.GetUtcNow().UtcDateTime;
                db.Audit(AuditAction.SteppedWedgeReleased, User.UserId(), Programme.OrganisationId, ProgrammeId, "stepped-wedge");
                await db.SaveChangesAsync(ct);
                // With the release, in its transaction: each mentee is told their own start, and "Before, again" goes on the timeline.
                await StartNotices.ReleasedAsync(db, queue, pages, Programme, ct);
                var steps = await db.DesignSteps.AsNoTracking().Where(x => x.ProgrammeId == ProgrammeId).ToListAsync(ct);
                await BeforeAgainTimeline.PlanFromScheduleAsync(db, Programme, steps, User.UserId(), ct);
                await db.SaveChangesAsync(ct);
            }
            return null;
        }, ct);
        return Done(problem, nameof(Seed));
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        var problem = await db.WriteAtomicallyAsync(async ct =>
        {
            await db.LockAsync<Programme>(ProgrammeId, ct);
            var allocation = await db.WaitlistAllocations.AsNoTracking().SingleOrDefaultAsync(a => a.ProgrammeId == ProgrammeId && a.Design == Core.Evaluation.AnalysisPlan.SteppedWedge, ct);
            if (allocation?.ReleasedAtUtc is null) return "Tell the mentees their start dates before a step starts";
            var steps = await db.DesignSteps.Where(x => x.ProgrammeId == ProgrammeId).OrderBy(x => x.Number).ToListAsync(ct);
            var step = steps.FirstOrDefault(x => x.Number == Step);
            if (step is null) return "Choose a step of the schedule to start";
            if (step.StartedAtUtc is not null) return null;
            // Steps start in order, or a later step's mentees would be mentored while an earlier one's still wait.
            if (steps.FirstOrDefault(x => x.Number < step.Number && x.StartedAtUtc is null) is { } earlier) return $"Start step {earlier.Number} before step {step.Number}";
            var now = clock.GetUtcNow().UtcDateTime;
            SteppedWedgeSteps.Start(db, step, now, "coordinator", User.UserId(), Programme.OrganisationId);
            await db.SaveChangesAsync(ct);
            if (step.Number > 1)
            {
                await StartNotices.StartedAsync(db, queue, pages, Programme, step.Number, ct);
                await BeforeAgainTimeline.PlanAtLaterStartAsync(db, Programme, now, ct, User.UserId());
                await db.SaveChangesAsync(ct);
            }
            return null;
        }, ct);
        return Done(problem, nameof(Step));
    }

    private IActionResult Done(string? problem, string field)
    {
        if (problem is not null)
        {
            ModelState.AddModelError(field, problem);
            return Page();
        }
        return RedirectToPage("/Waitlist/SteppedWedge", new { programmeId = ProgrammeId });
    }

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return null;
    }

    /// <summary>How the mentees were told of their steps at the release (null before it).</summary>
    public StartNotices.Tally? ToldAtRelease { get; private set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        IsSteppedWedge = (await db.CurrentAsync(Programme, ct)).Plan.IsSteppedWedge;
        Allocation = await db.WaitlistAllocations.AsNoTracking().SingleOrDefaultAsync(a => a.ProgrammeId == ProgrammeId && a.Design == Core.Evaluation.AnalysisPlan.SteppedWedge, ct);
        Mentees = await RandomisedMentees.LoadAsync(db, ProgrammeId, Allocation is not null, ct);
        JoinedAfter = Allocation is null ? [] : await RandomisedMentees.JoinedAfterAsync(db, ProgrammeId, ct);
        ToldAtRelease = Allocation?.ReleasedAtUtc is null ? null : await StartNotices.TallyAsync(db, ProgrammeId, "released", ct);
        Schedule = await db.DesignSteps.AsNoTracking().Where(x => x.ProgrammeId == ProgrammeId).OrderBy(x => x.Number).ToListAsync(ct);
        Departments = [.. (await db.DepartmentAssignments.AsNoTracking().Where(d => d.ProgrammeId == ProgrammeId).ToListAsync(ct)).OrderBy(d => d.Department, StringComparer.Ordinal)];
    }

    private ulong? ParseSeed()
    {
        if (string.IsNullOrWhiteSpace(Seed)) return BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) & IndexModel.MaxSeed;
        if (ulong.TryParse(Seed.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seed) && seed <= IndexModel.MaxSeed) return seed;
        ModelState.AddModelError(nameof(Seed), $"Enter the seed as a whole number from 0 to {IndexModel.MaxSeed}, or leave it empty");
        return null;
    }
}

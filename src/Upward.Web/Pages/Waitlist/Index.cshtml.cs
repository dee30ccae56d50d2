using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Designs;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Sessions;
using Upward.Data;
using Upward.Data.Evaluation;
using Upward.Web.Identity;
using Upward.Web.Pages.Notifications;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Waitlist;

/// <summary>
/// A waitlist control's randomisation: the coordinator draws the mentees' arms from a seed (shown and
/// stored, so anyone with the same list and seed can check it), then tells the mentees, then ends the
/// later arm's waiting so it can be paired. Each step is audited and none is undone.
/// </summary>
[Requires(ProgrammeCapability.Manage)]
public sealed class IndexModel(UpwardDbContext db, TimeProvider clock, NotificationQueue queue, PageLinks pages) : ProgrammePageModel
{
    /// <summary>Seeds stay below 2^53 so every JSON reader and spreadsheet holds them exactly (as the allocation page's).</summary>
    public const ulong MaxSeed = (1UL << 53) - 1;

    [BindProperty] public string? Seed { get; set; }

    /// <summary>What to randomise: "mentee" (each mentee) or "department" (whole departments).</summary>
    [BindProperty] public string? Unit { get; set; }

    public static readonly IReadOnlyList<Upward.Web.TagHelpers.RadioOption> UnitOptions =
    [
        new("mentee", "Each mentee", "Half the mentees start now and half later, drawn one by one."),
        new("department", "Whole departments", "Every mentee of a department starts at the same time: half the departments start now and half later (the odd one out now), whatever their size. Use it when mentees of one department would talk about their mentoring, so those waiting would not really be waiting. Every mentee must have a department."),
    ];

    public bool IsWaitlist { get; private set; }
    public WaitlistAllocation? Allocation { get; private set; }

    /// <summary>The mentees in the order the randomisation takes them (by participant code), with their arm once drawn.</summary>
    public IReadOnlyList<RandomisedMentees.Mentee> Mentees { get; private set; } = [];

    /// <summary>Once drawn, the mentees who agreed to take part afterwards: in no arm or step.</summary>
    public IReadOnlyList<RandomisedMentees.Mentee> JoinedAfter { get; private set; } = [];

    /// <summary>When whole departments were drawn, each department's arm in the order drawn (ordinal by name).</summary>
    public IReadOnlyList<DepartmentAssignment> Departments { get; private set; } = [];

    public IActionResult OnGet()
    {
        Unit ??= "mentee";
        return Page();
    }

    public async Task<IActionResult> OnPostRandomiseAsync(CancellationToken ct)
    {
        ulong? seed = ParseSeed();
        var unit = Unit switch { null or "" or "mentee" => RandomisedUnit.Mentee, "department" => RandomisedUnit.Department, _ => (RandomisedUnit?)null };
        if (unit is null) ModelState.AddModelError(nameof(Unit), "Select whether to randomise each mentee or whole departments");
        if (seed is null || unit is null) return Page();
        var problem = await db.WriteAtomicallyAsync(async ct =>
        {
            // In the programme's turn: two presses at once draw once, and the second is told it is done.
            await db.LockAsync<Programme>(ProgrammeId, ct);
            await LoadAsync(ct);
            if (!IsWaitlist) return "This programme's design is not a waitlist control: choose it in the analysis plan first";
            if (Allocation is not null) return "The mentees have already been randomised; the allocation is never drawn again";
            if (Mentees.Count < 2) return "At least 2 mentees must have agreed to take part before they can be randomised";
            if (Mentees.Any(m => m.Paired)) return "Some mentees are already paired: randomise before anyone is paired";
            if (unit == RandomisedUnit.Department && RandomisedMentees.WhyNoDepartmentDraw(Mentees, 2) is { } why) return why;
            var plan = (await db.CurrentAsync(Programme, ct)).Plan;
            var (before, missing) = await BeforeAgainWave.FindBeforeAsync(db, ProgrammeId, plan, ct);
            if (missing is not null) return missing;

            var now = clock.GetUtcNow().UtcDateTime;
            db.WaitlistAllocations.Add(new WaitlistAllocation { ProgrammeId = ProgrammeId, Seed = (long)seed.Value, AllocatedAtUtc = now, Unit = unit.Value });
            string detail;
            if (unit == RandomisedUnit.Department)
            {
                // Departments in ordinal order of name, drawn as people are; each mentee takes their department's arm.
                var drawn = WaitlistRandomisation.AllocateDepartments(Mentees.Select(m => m.Department!), seed.Value);
                var armOf = drawn.ToDictionary(d => d.Department, d => d.Arm, StringComparer.Ordinal);
                foreach (var (department, arm) in drawn)
                {
                    db.DepartmentAssignments.Add(new DepartmentAssignment { ProgrammeId = ProgrammeId, Department = department, Step = arm == Arm.StartNow ? 1 : 2 });
                }
                foreach (var mentee in Mentees)
                {
                    db.ArmAssignments.Add(new ArmAssignment { ProgrammeId = ProgrammeId, EnrolmentId = mentee.EnrolmentId, Arm = armOf[mentee.Department!] });
                }
                int nowPeople = Mentees.Count(m => armOf[m.Department!] == Arm.StartNow);
                detail = $"seed={seed.Value}; unit=department; departments={drawn.Count}; start-now-departments={drawn.Count(d => d.Arm == Arm.StartNow)}; "
                    + $"mentees={Mentees.Count}; start-now={nowPeople}; start-later={Mentees.Count - nowPeople}";
            }
            else
            {
                foreach (var (mentee, arm) in WaitlistRandomisation.Allocate(Mentees, seed.Value))
                {
                    db.ArmAssignments.Add(new ArmAssignment { ProgrammeId = ProgrammeId, EnrolmentId = mentee.EnrolmentId, Arm = arm });
                }
                int later = Mentees.Count / 2;
                detail = $"seed={seed.Value}; mentees={Mentees.Count}; start-now={Mentees.Count - later}; start-later={later}";
            }
            // The later arm's second before-questionnaire: on the timeline from the day the later arm starts (or opened earlier by hand).
            await BeforeAgainWave.AddAsync(db, ProgrammeId, before!, now, ct);
            db.Audit(AuditAction.WaitlistRandomised, User.UserId(), Programme.OrganisationId, ProgrammeId, "waitlist", detail);
            await db.SaveChangesAsync(ct);
            return null;
        }, ct);
        if (problem is not null)
        {
            ModelState.AddModelError(problem.Contains("department", StringComparison.Ordinal) ? nameof(Unit) : nameof(Seed), problem);
            return Page();
        }
        return RedirectToPage("/Waitlist/Index", new { programmeId = ProgrammeId });
    }

    public Task<IActionResult> OnPostReleaseAsync(CancellationToken ct) => StepAsync(
        allocation => allocation is null ? "Randomise the mentees before telling them their arms" : null,
        allocation => allocation.ReleasedAtUtc is null,
        (allocation, now) => allocation.ReleasedAtUtc = now,
        AuditAction.WaitlistReleased, ct,
        // Each mentee is told their own arm, by email and in their notifications, with the release.
        ct => StartNotices.ReleasedAsync(db, queue, pages, Programme, ct));

    public Task<IActionResult> OnPostStartLaterAsync(CancellationToken ct) => StepAsync(
        allocation => allocation?.ReleasedAtUtc is null ? "Tell the mentees their arms before the later arm starts" : null,
        allocation => allocation.LaterArmStartedAtUtc is null,
        (allocation, now) => allocation.LaterArmStartedAtUtc = now,
        AuditAction.WaitlistLaterArmStarted, ct,
        async ct =>
        {
            await StartNotices.StartedAsync(db, queue, pages, Programme, 2, ct);
            await BeforeAgainTimeline.PlanAtLaterStartAsync(db, Programme, clock.GetUtcNow().UtcDateTime, ct, User.UserId());
        });

    /// <summary>
    /// One step of the waitlist, taken once: in the programme's turn, so two presses at once record it
    /// (and audit it) once; pressing again later changes nothing.
    /// </summary>
    private async Task<IActionResult> StepAsync(Func<WaitlistAllocation?, string?> whyNot, Func<WaitlistAllocation, bool> notYetTaken,
        Action<WaitlistAllocation, DateTime> take, string auditAction, CancellationToken ct, Func<CancellationToken, Task>? then = null)
    {
        var problem = await db.WriteAtomicallyAsync(async ct =>
        {
            await db.LockAsync<Programme>(ProgrammeId, ct);
            var allocation = await db.WaitlistAllocations.SingleOrDefaultAsync(a => a.ProgrammeId == ProgrammeId, ct);
            // A stepped wedge is released and started on its own page.
            if (allocation?.IsSteppedWedge == true) return "This programme's design is not a waitlist control: its schedule is on the stepped wedge page";
            if (whyNot(allocation) is { } why) return why;
            if (notYetTaken(allocation!))
            {
                take(allocation!, clock.GetUtcNow().UtcDateTime);
                db.Audit(auditAction, User.UserId(), Programme.OrganisationId, ProgrammeId, "waitlist");
                await db.SaveChangesAsync(ct);
                // In the same transaction: what follows from the step is done with it, and only by the press that took it.
                if (then is not null)
                {
                    await then(ct);
                    await db.SaveChangesAsync(ct);
                }
            }
            return null;
        }, ct);
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(Seed), problem);
            return Page();
        }
        return RedirectToPage("/Waitlist/Index", new { programmeId = ProgrammeId });
    }

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return null;
    }

    /// <summary>How the mentees were told of their arms at the release (null before it).</summary>
    public StartNotices.Tally? ToldAtRelease { get; private set; }

    /// <summary>How the later arm's mentees were told it had started (null before it).</summary>
    public StartNotices.Tally? ToldAtLaterStart { get; private set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        IsWaitlist = (await db.CurrentAsync(Programme, ct)).Plan.IsWaitlist;
        Allocation = await db.WaitlistAllocations.AsNoTracking().SingleOrDefaultAsync(a => a.ProgrammeId == ProgrammeId, ct);
        Mentees = await RandomisedMentees.LoadAsync(db, ProgrammeId, Allocation is not null, ct);
        JoinedAfter = Allocation is null ? [] : await RandomisedMentees.JoinedAfterAsync(db, ProgrammeId, ct);
        ToldAtRelease = Allocation?.ReleasedAtUtc is null ? null : await StartNotices.TallyAsync(db, ProgrammeId, "released", ct);
        ToldAtLaterStart = Allocation?.LaterArmStartedAtUtc is null ? null : await StartNotices.TallyAsync(db, ProgrammeId, "step-2-started", ct);
        Departments = await db.DepartmentAssignments.AsNoTracking().Where(d => d.ProgrammeId == ProgrammeId).ToListAsync(ct);
        Departments = [.. Departments.OrderBy(d => d.Department, StringComparer.Ordinal)];
    }

    private ulong? ParseSeed()
    {
        if (string.IsNullOrWhiteSpace(Seed)) return BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) & MaxSeed;
        if (ulong.TryParse(Seed.Trim(), out var seed) && seed <= MaxSeed) return seed;
        ModelState.AddModelError(nameof(Seed), $"Enter the seed as a whole number from 0 to {MaxSeed}, or leave it empty");
        return null;
    }
}

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
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Waitlist;

/// <summary>
/// A waitlist control's randomisation: the coordinator draws the mentees' arms from a seed (shown and
/// stored, so anyone with the same list and seed can check it), then tells the mentees, then ends the
/// later arm's waiting so it can be paired. Each step is audited and none is undone.
/// </summary>
[Requires(ProgrammeCapability.Manage)]
public sealed class IndexModel(UpwardDbContext db, TimeProvider clock) : ProgrammePageModel
{
    /// <summary>Seeds stay below 2^53 so every JSON reader and spreadsheet holds them exactly (as the allocation page's).</summary>
    public const ulong MaxSeed = (1UL << 53) - 1;

    [BindProperty] public string? Seed { get; set; }

    public bool IsWaitlist { get; private set; }
    public WaitlistAllocation? Allocation { get; private set; }

    /// <summary>The mentees in the order the randomisation takes them (by participant code), with their arm once drawn.</summary>
    public IReadOnlyList<Mentee> Mentees { get; private set; } = [];

    public sealed record Mentee(Guid EnrolmentId, string Code, string Name, Arm? Arm, bool Paired);

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostRandomiseAsync(CancellationToken ct)
    {
        ulong? seed = ParseSeed();
        if (seed is null) return Page();
        var problem = await db.WriteAtomicallyAsync(async ct =>
        {
            // In the programme's turn: two presses at once draw once, and the second is told it is done.
            await db.LockAsync<Programme>(ProgrammeId, ct);
            await LoadAsync(ct);
            if (!IsWaitlist) return "This programme's design is not a waitlist control: choose it in the analysis plan first";
            if (Allocation is not null) return "The mentees have already been randomised; the allocation is never drawn again";
            if (Mentees.Count < 2) return "At least 2 mentees must have agreed to take part before they can be randomised";
            if (Mentees.Any(m => m.Paired)) return "Some mentees are already paired: randomise before anyone is paired";
            var plan = (await db.CurrentAsync(Programme, ct)).Plan;
            var beforeStage = Enum.Parse<Stage>(plan.Primary.From.ToString());
            var before = await db.Waves.SingleOrDefaultAsync(w => w.ProgrammeId == ProgrammeId && w.Audience == ProgrammeRole.Mentee && w.Stage == beforeStage, ct);
            if (before is null) return $"The mentees' questionnaire for “{StageNames.Of(beforeStage)}” does not exist yet: add the questionnaires first";

            var now = clock.GetUtcNow().UtcDateTime;
            db.WaitlistAllocations.Add(new WaitlistAllocation { ProgrammeId = ProgrammeId, Seed = (long)seed.Value, AllocatedAtUtc = now });
            foreach (var (mentee, arm) in WaitlistRandomisation.Allocate(Mentees, seed.Value))
            {
                db.ArmAssignments.Add(new ArmAssignment { ProgrammeId = ProgrammeId, EnrolmentId = mentee.EnrolmentId, Arm = arm });
            }
            // The later arm's second before-questionnaire: the same questions, a questionnaire of its own
            // (so its answers are told apart in the bundle), closed until the coordinator opens it when
            // the "start now" arm answers after.
            if (!await db.Waves.AnyAsync(w => w.ProgrammeId == ProgrammeId && w.Audience == ProgrammeRole.Mentee && w.Stage == Stage.BeforeAgain, ct))
            {
                var instrument = await db.Instruments.Include(i => i.Items).SingleAsync(i => i.Id == before.InstrumentId, ct);
                var again = instrument.CopyAs($"{instrument.Key}-again", $"{instrument.Title}: again, at the end of waiting");
                db.Instruments.Add(again);
                db.Waves.Add(new Wave { ProgrammeId = ProgrammeId, InstrumentId = again.Id, Audience = ProgrammeRole.Mentee, Stage = Stage.BeforeAgain, CreatedAtUtc = now });
            }
            int later = Mentees.Count / 2;
            db.Audit(AuditAction.WaitlistRandomised, User.UserId(), Programme.OrganisationId, ProgrammeId,
                "waitlist", $"seed={seed.Value}; mentees={Mentees.Count}; start-now={Mentees.Count - later}; start-later={later}");
            await db.SaveChangesAsync(ct);
            return null;
        }, ct);
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(Seed), problem);
            return Page();
        }
        return RedirectToPage("/Waitlist/Index", new { programmeId = ProgrammeId });
    }

    public Task<IActionResult> OnPostReleaseAsync(CancellationToken ct) => StepAsync(
        allocation => allocation is null ? "Randomise the mentees before telling them their arms" : null,
        allocation => allocation.ReleasedAtUtc is null,
        (allocation, now) => allocation.ReleasedAtUtc = now,
        AuditAction.WaitlistReleased, ct);

    public Task<IActionResult> OnPostStartLaterAsync(CancellationToken ct) => StepAsync(
        allocation => allocation?.ReleasedAtUtc is null ? "Tell the mentees their arms before the later arm starts" : null,
        allocation => allocation.LaterArmStartedAtUtc is null,
        (allocation, now) => allocation.LaterArmStartedAtUtc = now,
        AuditAction.WaitlistLaterArmStarted, ct);

    /// <summary>
    /// One step of the waitlist, taken once: in the programme's turn, so two presses at once record it
    /// (and audit it) once; pressing again later changes nothing.
    /// </summary>
    private async Task<IActionResult> StepAsync(Func<WaitlistAllocation?, string?> whyNot, Func<WaitlistAllocation, bool> notYetTaken,
        Action<WaitlistAllocation, DateTime> take, string auditAction, CancellationToken ct)
    {
        var problem = await db.WriteAtomicallyAsync(async ct =>
        {
            await db.LockAsync<Programme>(ProgrammeId, ct);
            var allocation = await db.WaitlistAllocations.SingleOrDefaultAsync(a => a.ProgrammeId == ProgrammeId, ct);
            if (whyNot(allocation) is { } why) return why;
            if (notYetTaken(allocation!))
            {
                take(allocation!, clock.GetUtcNow().UtcDateTime);
                db.Audit(auditAction, User.UserId(), Programme.OrganisationId, ProgrammeId, "waitlist");
                await db.SaveChangesAsync(ct);
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

    private async Task LoadAsync(CancellationToken ct)
    {
        IsWaitlist = (await db.CurrentAsync(Programme, ct)).Plan.IsWaitlist;
        Allocation = await db.WaitlistAllocations.AsNoTracking().SingleOrDefaultAsync(a => a.ProgrammeId == ProgrammeId, ct);
        var arms = await db.ArmAssignments.Where(a => a.ProgrammeId == ProgrammeId).ToDictionaryAsync(a => a.EnrolmentId, a => a.Arm, ct);
        var paired = (await db.Pairings.Where(p => p.ProgrammeId == ProgrammeId).Select(p => p.MenteeEnrolmentId).ToListAsync(ct)).ToHashSet();
        var mentees = await db.Enrolments
            .Where(e => e.ProgrammeId == ProgrammeId && e.Role == ProgrammeRole.Mentee)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, e.ParticipantCode, e.Status, u.DisplayName })
            .ToListAsync(ct);
        // Before the draw, those who agreed to take part; once drawn, exactly those drawn (in code order),
        // so the seed still checks out after others join or withdraw.
        Mentees = [.. mentees
            .Where(m => Allocation is null ? m.Status == EnrolmentStatus.Consented : arms.ContainsKey(m.Id))
            .OrderBy(m => m.ParticipantCode, StringComparer.Ordinal)
            .Select(m => new Mentee(m.Id, m.ParticipantCode, m.DisplayName, arms.TryGetValue(m.Id, out var arm) ? arm : null, paired.Contains(m.Id)))];
    }

    private ulong? ParseSeed()
    {
        if (string.IsNullOrWhiteSpace(Seed)) return BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)) & MaxSeed;
        if (ulong.TryParse(Seed.Trim(), out var seed) && seed <= MaxSeed) return seed;
        ModelState.AddModelError(nameof(Seed), $"Enter the seed as a whole number from 0 to {MaxSeed}, or leave it empty");
        return null;
    }
}

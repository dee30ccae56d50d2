using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Preparation;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Preparation;

/// <summary>The coordinator's list of expenses claims, moving each on: submitted, approved, paid (each step audited).</summary>
[Requires(ProgrammeCapability.Manage)]
public sealed class ExpenseClaimsModel(UpwardDbContext db, TimeProvider clock) : ProgrammePageModel
{
    public sealed record Row(ExpenseClaim Claim, string Name, string Code);

    public IReadOnlyList<Row> Claims { get; private set; } = [];

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostMoveAsync(Guid claimId, ExpenseStatus to, CancellationToken ct)
    {
        var moved = await db.WriteAtomicallyAsync(async ct =>
        {
            // Two clicks at once: the second finds the claim already moved and changes nothing.
            await db.LockAsync<ExpenseClaim>(claimId, ct);
            var claim = await db.ExpenseClaims.SingleOrDefaultAsync(c => c.Id == claimId && c.ProgrammeId == ProgrammeId, ct);
            if (claim is null) return (bool?)null;
            if (!ExpenseClaim.CanMove(claim.Status, to)) return false;
            claim.Status = to;
            claim.StatusChangedAtUtc = clock.GetUtcNow().UtcDateTime;
            db.Audit(AuditAction.ExpenseStatusChanged, User.UserId(), Programme.OrganisationId, ProgrammeId, $"expense:{claim.Id}", to.ToString());
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);
        return moved is null ? NotFound() : RedirectToPage("/Preparation/ExpenseClaims", new { programmeId = ProgrammeId });
    }

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        Claims = await db.ExpenseClaims.AsNoTracking().Where(c => c.ProgrammeId == ProgrammeId)
            .Join(db.Enrolments, c => c.EnrolmentId, e => e.Id, (c, e) => new { c, e.ParticipantCode, e.UserId })
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new Row(x.c, u.DisplayName, x.ParticipantCode))
            .ToListAsync(ct);
        Claims = [.. Claims.OrderBy(r => r.Claim.Status).ThenBy(r => r.Claim.SubmittedAtUtc)];
        return null;
    }
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Data.Identity;
using Upward.Web.Identity;

namespace Upward.Web.Programmes;

/// <summary>
/// The single check every programme page and endpoint goes through: the programme must belong to
/// the user's organisation and the user's roles in it must allow the capability (Core's rule).
/// </summary>
public sealed class ProgrammeGate(UpwardDbContext db)
{
    public async Task<ProgrammeGateResult> CheckAsync(ClaimsPrincipal user, Guid programmeId, ProgrammeCapability capability, CancellationToken ct)
    {
        var organisationId = user.OrganisationOf();
        var programme = organisationId is null ? null : await db.Programmes
            .Include(p => p.Domains.OrderBy(d => d.Position))
            .SingleOrDefaultAsync(p => p.Id == programmeId && p.OrganisationId == organisationId, ct);
        if (programme is null)
        {
            // Another organisation's programme, or none: the same answer, so ids reveal nothing.
            return ProgrammeGateResult.NotFound;
        }

        var userId = user.UserId();
        var roles = await db.Enrolments
            .Where(e => e.ProgrammeId == programmeId && e.UserId == userId && e.Status != EnrolmentStatus.Withdrawn)
            .Select(e => e.Role)
            .ToListAsync(ct);
        var isAdmin = user.IsInRole(UpwardRoles.OrganisationAdmin);
        if (roles.Count == 0 && !isAdmin)
        {
            return ProgrammeGateResult.NotFound;
        }
        return ProgrammeAccess.Allows(capability, roles, isAdmin)
            ? new ProgrammeGateResult(ProgrammeGateOutcome.Allowed, programme, roles, isAdmin)
            : ProgrammeGateResult.Forbidden;
    }
}

public enum ProgrammeGateOutcome { Allowed, NotFound, Forbidden }

public sealed record ProgrammeGateResult(ProgrammeGateOutcome Outcome, Programme? Programme, IReadOnlyList<ProgrammeRole> Roles, bool IsOrganisationAdmin)
{
    public static readonly ProgrammeGateResult NotFound = new(ProgrammeGateOutcome.NotFound, null, [], false);
    public static readonly ProgrammeGateResult Forbidden = new(ProgrammeGateOutcome.Forbidden, null, [], false);
}

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
        var userId = user.UserId();
        // The programme, its domains and the person's roles in it in one query: every programme page and every
        // save passes through here, and each query is a round trip to the database.
        var found = organisationId is null ? null : await db.Programmes
            .Include(p => p.Domains.OrderBy(d => d.Position))
            .Where(p => p.Id == programmeId && p.OrganisationId == organisationId)
            .Select(p => new
            {
                Programme = p,
                Roles = db.Enrolments.Where(e => e.ProgrammeId == p.Id && e.UserId == userId && e.Status != EnrolmentStatus.Withdrawn).Select(e => e.Role).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            // Another organisation's programme, or none: the same answer, so ids reveal nothing.
            return ProgrammeGateResult.NotFound;
        }
        var (programme, roles) = (found.Programme, found.Roles);
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

using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Data.Identity;

namespace Upward.Web.Identity;

/// <summary>Who counts as staff for the organisation's sign-in rules: the roles that see other people's data.</summary>
public static class StaffRoles
{
    /// <summary>Must use organisation sign-in where the organisation says so.</summary>
    public static readonly ProgrammeRole[] OrganisationSignIn = [ProgrammeRole.Coordinator, ProgrammeRole.Facilitator, ProgrammeRole.Researcher, ProgrammeRole.ConcernsLead];

    /// <summary>Must add a second factor to a password where the organisation says so.</summary>
    public static readonly ProgrammeRole[] SecondFactor = [ProgrammeRole.Coordinator, ProgrammeRole.Researcher, ProgrammeRole.ConcernsLead];

    public static async Task<bool> HoldsAsync(UpwardDbContext db, Guid userId, IReadOnlyCollection<ProgrammeRole> roles, CancellationToken ct = default)
    {
        var adminRoleIds = db.Roles.Where(r => r.Name == UpwardRoles.OrganisationAdmin).Select(r => r.Id);
        return await db.UserRoles.AnyAsync(ur => ur.UserId == userId && adminRoleIds.Contains(ur.RoleId), ct)
            || await db.Enrolments.AnyAsync(e => e.UserId == userId && roles.Contains(e.Role) && e.WithdrawnAtUtc == null, ct);
    }
}

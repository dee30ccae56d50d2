using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Upward.Data;
using Upward.Data.Identity;
using Upward.Web.Identity.OrganisationSignIn;

namespace Upward.Web.Identity.SecondFactor;

/// <summary>
/// The organisation's rule that administrators, coordinators and researchers who sign in with a
/// password also use a second factor. Worked out when the sign-in cookie is made (and again whenever
/// Identity re-checks the security stamp), and carried as a claim so pages need no query to apply it.
/// </summary>
public static class SecondFactorRule
{
    public const string SetupNeededClaim = "upward:second_factor_setup_needed";
    public const string SetupPath = "/account/security/authenticator";

    public static async Task<bool> AppliesToAsync(UpwardDbContext db, UpwardUser user) =>
        user.OrganisationId is { } organisationId
        && await db.OrganisationSignInSettings.AnyAsync(s => s.OrganisationId == organisationId && s.RequireSecondFactorForStaff)
        && await StaffRoles.HoldsAsync(db, user.Id, StaffRoles.SecondFactor);

    /// <summary>Must this session set up a second factor before anything else? Not when the organisation's provider signed it in.</summary>
    public static bool SetupNeeded(ClaimsPrincipal user) =>
        user.HasClaim(SetupNeededClaim, "true")
        && !user.HasClaim(ClaimTypes.AuthenticationMethod, OrganisationAccounts.AuthenticationMethod);
}

using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Upward.Data.Identity;

namespace Upward.Web.Identity;

/// <summary>Claims Upward adds to the sign-in cookie beyond Identity's own.</summary>
public static class UpwardClaims
{
    public const string DisplayName = "upward:display_name";
    public const string OrganisationId = "upward:organisation";

    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    public static Guid? OrganisationOf(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(OrganisationId), out var id) ? id : null;
}

/// <summary>Puts the display name and organisation into the cookie so pages need no lookup to show them.</summary>
internal sealed class UpwardClaimsFactory(
    UserManager<UpwardUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options, Upward.Data.UpwardDbContext db)
    : UserClaimsPrincipalFactory<UpwardUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(UpwardUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(UpwardClaims.DisplayName, user.DisplayName));
        if (user.OrganisationId is { } organisationId)
        {
            identity.AddClaim(new Claim(UpwardClaims.OrganisationId, organisationId.ToString()));
        }
        // A passkey or an authenticator app satisfies the organisation's second-factor rule.
        if (user.PasswordHash is not null && !user.TwoFactorEnabled && await SecondFactor.SecondFactorRule.AppliesToAsync(db, user)
            && (await UserManager.GetPasskeysAsync(user)).Count == 0)
        {
            identity.AddClaim(new Claim(SecondFactor.SecondFactorRule.SetupNeededClaim, "true"));
        }
        return identity;
    }
}

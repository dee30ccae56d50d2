using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Upward.Data;
using Upward.Data.Identity;

namespace Upward.Web.Identity;

/// <summary>
/// Identity's sign-in with one rule of Upward's: where an organisation requires its staff to use
/// organisation sign-in, their password is not enough (<see cref="OrganisationSignInRequired"/>,
/// only after the password was right, so it tells a guesser nothing).
/// </summary>
public sealed class UpwardSignInManager(
    UserManager<UpwardUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<UpwardUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<UpwardUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<UpwardUser> confirmation, UpwardDbContext db)
    : SignInManager<UpwardUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<SignInResult> CheckPasswordSignInAsync(UpwardUser user, string password, bool lockoutOnFailure)
    {
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        if (result.Succeeded && await MustUseOrganisationAsync(user))
        {
            return new OrganisationSignInRequired(user.OrganisationId!.Value);
        }
        return result;
    }

    private async Task<bool> MustUseOrganisationAsync(UpwardUser user) =>
        user.OrganisationId is { } organisationId
        && await db.OrganisationSignInSettings.AnyAsync(s => s.OrganisationId == organisationId && s.Enabled && s.OrganisationSignInOnlyForStaff)
        && await StaffRoles.HoldsAsync(db, user.Id, StaffRoles.OrganisationSignIn);
}

/// <summary>The password was right, but this person must sign in with their organisation's provider.</summary>
public sealed class OrganisationSignInRequired : SignInResult
{
    public OrganisationSignInRequired(Guid organisationId)
    {
        IsNotAllowed = true;
        OrganisationId = organisationId;
    }

    public Guid OrganisationId { get; }
}

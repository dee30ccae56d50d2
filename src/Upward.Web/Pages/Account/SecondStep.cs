using Microsoft.AspNetCore.Mvc;
using Upward.Web.Identity;
using Upward.Web.Identity.OrganisationSignIn;

namespace Upward.Web.Pages.Account;

/// <summary>Where a right password leads when it is not the whole sign-in: a second factor, or the organisation's provider.</summary>
public static class SecondStep
{
    public static IActionResult? After(Microsoft.AspNetCore.Identity.SignInResult result, string? returnUrl)
    {
        var query = returnUrl is not null && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            ? "?returnUrl=" + Uri.EscapeDataString(returnUrl) : "";
        return result switch
        {
            { RequiresTwoFactor: true } => new RedirectResult("/account/sign-in/second-factor" + query),
            OrganisationSignInRequired required => new RedirectResult(OrganisationProviderOptions.StartPath(required.OrganisationId) + query),
            _ => null,
        };
    }
}

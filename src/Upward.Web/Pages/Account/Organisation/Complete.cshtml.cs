using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upward.Web.Identity.OrganisationSignIn;

namespace Upward.Web.Pages.Account.Organisation;

/// <summary>Back from the provider: finds, links or creates the account, signs in, and goes where the person was going.</summary>
public sealed class CompleteModel(OrganisationProviders providers, OrganisationAccounts accounts, ILogger<CompleteModel> logger) : PageModel
{
    [FromRoute] public Guid OrganisationId { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var settings = await providers.EnabledForAsync(OrganisationId, ct);
        if (settings is null)
        {
            return NotFound();
        }
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        // The provider's answer must be for this organisation's sign-in, not one begun for another.
        if (!external.Succeeded || external.Properties?.Items.TryGetValue(StartModel.OrganisationItem, out var started) != true
            || started != OrganisationId.ToString())
        {
            logger.LogWarning("Organisation sign-in for {OrganisationId} came back without a matching external sign-in", OrganisationId);
            return Problem(OrganisationSignInProblem.ProviderFailed);
        }
        var (user, problem) = await accounts.SignInAsync(external.Principal!, settings, ct);
        if (user is null)
        {
            logger.LogWarning("Organisation sign-in for {OrganisationId} refused: {Problem}", OrganisationId, problem);
            return Problem(problem);
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private RedirectToPageResult Problem(OrganisationSignInProblem problem) =>
        RedirectToPage("/Account/Organisation/ChooseOrganisation",
            new { problem, organisation = OrganisationId, returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null });
}

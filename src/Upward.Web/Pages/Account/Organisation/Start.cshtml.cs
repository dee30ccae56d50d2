using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upward.Web.Identity.OrganisationSignIn;

namespace Upward.Web.Pages.Account.Organisation;

/// <summary>
/// Sends the person to their organisation's provider. A plain link, so an organisation can put
/// "/account/organisation/{id}/start" on its intranet as its own sign-in address.
/// </summary>
public sealed class StartModel(ILogger<StartModel> logger) : PageModel
{
    [FromRoute] public Guid OrganisationId { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public string? LoginHint { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!OrganisationProviderOptions.IsConfigured(HttpContext))
        {
            return NotFound();
        }
        var complete = OrganisationProviderOptions.CompletePath(OrganisationId);
        if (Url.IsLocalUrl(ReturnUrl))
        {
            complete += "?returnUrl=" + Uri.EscapeDataString(ReturnUrl);
        }
        var properties = new AuthenticationProperties { RedirectUri = complete };
        properties.Items[OrganisationItem] = OrganisationId.ToString();
        if (LoginHint is { Length: > 0 and <= 254 })
        {
            properties.Items["login_hint"] = LoginHint;
        }
        try
        {
            // Challenged here rather than by returning a ChallengeResult, so that a provider that cannot
            // be reached or read (a wrong issuer, an outage) is the person's message, not a 500.
            await HttpContext.ChallengeAsync(OrganisationProviderOptions.Scheme, properties);
            return new EmptyResult();
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
        {
            logger.LogWarning(e, "The identity provider of organisation {OrganisationId} could not be reached or read", OrganisationId);
            return RedirectToPage("/Account/Organisation/ChooseOrganisation", new { problem = OrganisationSignInProblem.ProviderFailed, organisation = OrganisationId });
        }
    }

    /// <summary>Which organisation a sign-in was started for, carried through the provider in the protected state.</summary>
    public const string OrganisationItem = "upward:organisation";
}

using Microsoft.AspNetCore.Mvc;
using Upward.Web.Identity.OrganisationSignIn;

namespace Upward.Web.Pages.Account.Organisation;

/// <summary>
/// "Sign in with NHSmail" (and with a passkey) under a sign-in or invitation form. A deployment with one organisation's
/// provider (the usual case: one trust) offers it by name, one click; with several, the person gives
/// their work email first and is sent to the provider of its domain.
/// </summary>
public sealed class SignInOffer(OrganisationProviders providers, Upward.Web.Programmes.PageLinks pages) : ViewComponent
{
    public sealed record Offer(string Label, string Href);

    /// <summary>The organisation's offer, if any, and the passkey sign-in (always offered; the browser may not support it).</summary>
    public sealed record Offers(Offer? Organisation, string PasskeyHref);

    public async Task<IViewComponentResult> InvokeAsync(string? returnUrl)
    {
        var enabled = await providers.EnabledAsync(HttpContext.RequestAborted);
        var back = Url.IsLocalUrl(returnUrl) ? returnUrl : null;
        var query = back is null ? "" : "?returnUrl=" + Uri.EscapeDataString(back);
        Offer? offer = enabled.Count switch
        {
            0 => null,
            1 => new Offer($"Sign in with {enabled[0].ProviderName}", OrganisationProviderOptions.StartPath(enabled[0].OrganisationId) + query),
            _ => new Offer("Sign in with your organisation account", pages.Page("/Account/Organisation/ChooseOrganisation", new { returnUrl = back })),
        };
        return View("~/Pages/Account/Organisation/_SignInOffer.cshtml", new Offers(offer, pages.Page("/Account/PasskeySignIn", new { returnUrl = back })));
    }
}

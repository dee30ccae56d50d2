using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Upward.Web.Identity.OrganisationSignIn;

/// <summary>
/// ASP.NET Core's own OpenID Connect handler, given the options of the organisation the request is
/// about (<see cref="OrganisationProviderOptions"/>) and silent on requests about none.
/// </summary>
public sealed class OrganisationSignInHandler(OrganisationProviderOptions options, ILoggerFactory logger, HtmlEncoder htmlEncoder, UrlEncoder encoder)
    : OpenIdConnectHandler(options, logger, htmlEncoder, encoder)
{
    public override Task<bool> HandleRequestAsync() =>
        OrganisationProviderOptions.IsConfigured(Context) ? base.HandleRequestAsync() : Task.FromResult(false);

    public override Task<bool> ShouldHandleRequestAsync() =>
        OrganisationProviderOptions.IsConfigured(Context) ? base.ShouldHandleRequestAsync() : Task.FromResult(false);
}

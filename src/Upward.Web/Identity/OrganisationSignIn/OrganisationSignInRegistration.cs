using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Upward.Web.Pages.Account.Organisation;

namespace Upward.Web.Identity.OrganisationSignIn;

internal static class OrganisationSignInRegistration
{
    /// <summary>One OpenID Connect scheme whose options are each organisation's (see <see cref="OrganisationProviderOptions"/>).</summary>
    public static void AddOrganisationSignIn(this IServiceCollection services)
    {
        services.AddSingleton<OrganisationProviderOptions>();
        services.AddAuthentication()
            .AddScheme<OpenIdConnectOptions, OrganisationSignInHandler>(OrganisationProviderOptions.Scheme, "Organisation account", _ => { });
        services.AddScoped<OrganisationProviders>();
        services.AddScoped<OrganisationAccounts>();
    }
}

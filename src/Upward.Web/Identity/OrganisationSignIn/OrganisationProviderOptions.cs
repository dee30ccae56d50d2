using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Upward.Core.Organisations;

namespace Upward.Web.Identity.OrganisationSignIn;

/// <summary>
/// The OpenID Connect options of the organisation a request is about, for the one
/// <see cref="OrganisationSignInHandler"/> scheme.
/// </summary>
/// <remarks>
/// Why one scheme with options chosen per request rather than a scheme per organisation added at run
/// time through <c>IAuthenticationSchemeProvider</c>: dynamic schemes live in one process's memory, so
/// a second instance (or a restart) would not know a scheme another instance added, and every request
/// would have to ask the scheme provider for the whole list to find callback paths. Here every URL that
/// concerns a provider carries its organisation (<c>/account/organisation/{id}/…</c>), so the options
/// are found from the request itself and from the database row, whose <c>UpdatedAtUtc</c> says when a
/// cached copy is stale, on every instance. Options are built once per version of the settings, so
/// the handler's discovery document and signing keys stay cached between sign-ins.
/// </remarks>
public sealed class OrganisationProviderOptions(
    IDataProtectionProvider protection, Startup.SealingKeys sealingKeys, IHttpContextAccessor http, IConfiguration configuration) : IOptionsMonitor<OpenIdConnectOptions>
{
    public const string Scheme = "organisation";
    public const string PathPrefix = "/account/organisation/";
    private const string ItemKey = "upward:organisation-provider";

    private readonly ConcurrentDictionary<Guid, (DateTime Version, OpenIdConnectOptions Options)> _built = new();
    private readonly OpenIdConnectOptions _none = new();

    /// <summary>
    /// The purpose under which client secrets are sealed; changing it loses every stored secret. With the
    /// sealing key ring, which stays outside the database: the general ring is in it, and a copy of the
    /// database must not yield an organisation's client secret.
    /// </summary>
    public IDataProtector SecretProtector { get; } = sealingKeys.Provider.CreateProtector("Upward.OrganisationSignIn.ClientSecret");

    /// <summary>
    /// Plain-HTTP issuers are accepted only when a developer or a test says so
    /// (<c>Upward:OrganisationSignIn:AllowHttpIssuers</c>); production requires HTTPS metadata.
    /// </summary>
    public bool AllowHttpIssuers => configuration.GetValue<bool>("Upward:OrganisationSignIn:AllowHttpIssuers");

    public OpenIdConnectOptions CurrentValue => Get(Options.DefaultName);

    public OpenIdConnectOptions Get(string? name) => http.HttpContext?.Items[ItemKey] as OpenIdConnectOptions ?? _none;

    public IDisposable? OnChange(Action<OpenIdConnectOptions, string?> listener) => null;

    /// <summary>Whether the current request has an organisation's provider to talk to.</summary>
    public static bool IsConfigured(HttpContext context) => context.Items[ItemKey] is OpenIdConnectOptions;

    /// <summary>Serves the rest of this request with the organisation's provider.</summary>
    public void UseFor(HttpContext context, OrganisationSignInSettings settings) => context.Items[ItemKey] = OptionsFor(settings);

    public static string CallbackPath(Guid organisationId) => $"{PathPrefix}{organisationId}/callback";
    public static string StartPath(Guid organisationId) => $"{PathPrefix}{organisationId}/start";
    public static string CompletePath(Guid organisationId) => $"{PathPrefix}{organisationId}/complete";

    private OpenIdConnectOptions OptionsFor(OrganisationSignInSettings settings)
    {
        if (_built.TryGetValue(settings.OrganisationId, out var built) && built.Version == settings.UpdatedAtUtc)
        {
            return built.Options;
        }
        var options = Build(settings);
        _built[settings.OrganisationId] = (settings.UpdatedAtUtc, options);
        return options;
    }

    private OpenIdConnectOptions Build(OrganisationSignInSettings settings)
    {
        var options = new OpenIdConnectOptions
        {
            Authority = settings.Issuer,
            ClientId = settings.ClientId,
            ClientSecret = SecretProtector.Unprotect(settings.ProtectedClientSecret),
            // Authorisation code with PKCE; the code comes back in the query of a top-level redirect,
            // which carries the SameSite=Lax correlation cookie (a cross-site form_post would not).
            ResponseType = OpenIdConnectResponseType.Code,
            ResponseMode = OpenIdConnectResponseMode.Query,
            UsePkce = true,
            CallbackPath = CallbackPath(settings.OrganisationId),
            // No sign-out from the provider: leaving Upward does not sign a person out of their NHS account.
            RemoteSignOutPath = PathString.Empty,
            SignedOutCallbackPath = PathString.Empty,
            SignInScheme = IdentityConstants.ExternalScheme,
            RequireHttpsMetadata = !AllowHttpIssuers,
            MapInboundClaims = false,
            SaveTokens = false,
            GetClaimsFromUserInfoEndpoint = false,
            BackchannelTimeout = TimeSpan.FromSeconds(15),
            // Anything that goes wrong at the provider or on the way back ends on our own page, not a 500.
            Events = new OpenIdConnectEvents
            {
                OnRedirectToIdentityProvider = context =>
                {
                    if (context.Properties.Items.TryGetValue("login_hint", out var hint) && !string.IsNullOrEmpty(hint))
                    {
                        context.ProtocolMessage.LoginHint = hint;
                    }
                    return Task.CompletedTask;
                },
                OnRemoteFailure = context =>
                {
                    context.HttpContext.RequestServices.GetRequiredService<ILogger<OrganisationSignInHandler>>()
                        .LogWarning(context.Failure, "Organisation sign-in with the provider of {OrganisationId} failed", settings.OrganisationId);
                    context.Response.Redirect($"/account/sign-in/organisation?problem={OrganisationSignInProblem.ProviderFailed}&organisation={settings.OrganisationId}");
                    context.HandleResponse();
                    return Task.CompletedTask;
                },
            },
        };
        options.Scope.Add("email");
        foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        }
        new OpenIdConnectPostConfigureOptions(protection).PostConfigure(Scheme, options);
        options.Validate(Scheme);
        return options;
    }
}

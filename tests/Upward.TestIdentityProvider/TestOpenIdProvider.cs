using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Upward.TestIdentityProvider;

/// <summary>
/// A person the provider knows; <see cref="EmailVerified"/> false stands for an address it has not
/// checked, null for a provider that never says (Microsoft Entra ID by default).
/// </summary>
public sealed record TestUser(string Subject, string Email, string Name, bool? EmailVerified = true);

/// <summary>
/// A real OpenID Connect provider (OpenIddict's server, authorisation code with PKCE, ephemeral keys,
/// in-memory SQLite stores) on a free loopback port, for the organisation sign-in tests. It signs in
/// whoever the client names in <c>login_hint</c> if it knows them, and otherwise shows a one-field
/// form, as a real provider's sign-in page would stand between the two redirects.
/// </summary>
public sealed class TestOpenIdProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SqliteConnection _store;
    private readonly ConcurrentDictionary<string, TestUser> _users;

    private TestOpenIdProvider(WebApplication app, SqliteConnection store, string issuer, ConcurrentDictionary<string, TestUser> users)
    {
        _app = app;
        _store = store;
        _users = users;
        Issuer = issuer;
    }

    /// <summary>The issuer, "http://127.0.0.1:PORT/", as it appears in its discovery document and tokens.</summary>
    public string Issuer { get; }

    public const string ClientId = "upward";
    public const string ClientSecret = "upward-test-client-secret";

    /// <summary>Knows this person from now on (replacing one with the same email).</summary>
    public void Add(TestUser user) => _users[user.Email] = user;

    /// <summary>Starts the provider; the client may redirect back to any of <paramref name="redirectUris"/>.</summary>
    public static async Task<TestOpenIdProvider> StartAsync(IEnumerable<string> redirectUris, params TestUser[] users)
    {
        var store = new SqliteConnection("Data Source=:memory:");
        await store.OpenAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("OpenIddict", LogLevel.Information);
        builder.Services.AddDbContext<ProviderDb>(o => o.UseSqlite(store).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                // Plain HTTP on loopback: only ever a test.
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });
        builder.Services.AddAuthentication();

        var known = new ConcurrentDictionary<string, TestUser>(StringComparer.OrdinalIgnoreCase);
        var app = builder.Build();
        app.UseAuthentication();
        app.MapMethods("/connect/authorize", ["GET", "POST"], (Delegate)((HttpContext context) => AuthoriseAsync(context, known)));
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var provider = new TestOpenIdProvider(app, store, address.TrimEnd('/') + "/", known);
        foreach (var user in users)
        {
            provider.Add(user);
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = ClientId,
                ClientSecret = ClientSecret,
                ClientType = ClientTypes.Confidential,
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                    Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Email, Permissions.Scopes.Profile,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            };
            foreach (var uri in redirectUris)
            {
                descriptor.RedirectUris.Add(new Uri(uri));
            }
            await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(descriptor);
        }
        // Answer the discovery document once before anyone relies on it: its first answer (JIT, keys)
        // can take seconds on a busy two-core machine, longer than a client's patience.
        using (var warmUp = new HttpClient { Timeout = TimeSpan.FromMinutes(2) })
        {
            (await warmUp.GetAsync(provider.Issuer + ".well-known/openid-configuration")).EnsureSuccessStatusCode();
            (await warmUp.GetAsync(provider.Issuer + ".well-known/jwks")).EnsureSuccessStatusCode();
        }
        return provider;
    }

    private static async Task<IResult> AuthoriseAsync(HttpContext context, ConcurrentDictionary<string, TestUser> known)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request");
        var email = context.Request.HasFormContentType ? (await context.Request.ReadFormAsync())["email"].ToString() : request.LoginHint;
        if (string.IsNullOrEmpty(email) || !known.TryGetValue(email, out var user))
        {
            return Results.Content(LoginForm(request, string.IsNullOrEmpty(email) ? null : "No account with that email"), "text/html", Encoding.UTF8);
        }

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.Subject));
        identity.AddClaim(new Claim(Claims.Email, user.Email));
        if (user.EmailVerified is { } verified)
        {
            identity.AddClaim(new Claim(Claims.EmailVerified, verified ? "true" : "false", ClaimValueTypes.Boolean));
        }
        identity.AddClaim(new Claim(Claims.Name, user.Name));
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    // A trivial sign-in page: every parameter of the request carried through, and one field for who signs in.
    private static string LoginForm(OpenIddictRequest request, string? error)
    {
        var html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Test provider sign-in</title></head><body><main>");
        html.Append("<h1>Test provider sign-in</h1>");
        if (error is not null)
        {
            html.Append("<p role=\"alert\">").Append(WebUtility.HtmlEncode(error)).Append("</p>");
        }
        html.Append("<form method=\"post\" action=\"/connect/authorize\">");
        foreach (var (name, value) in request.GetParameters())
        {
            if (name is "email")
            {
                continue;
            }
            html.Append("<input type=\"hidden\" name=\"").Append(WebUtility.HtmlEncode(name)).Append("\" value=\"")
                .Append(WebUtility.HtmlEncode((string?)value)).Append("\">");
        }
        html.Append("<label for=\"email\">Email</label> <input id=\"email\" name=\"email\" type=\"email\">");
        html.Append(" <button type=\"submit\">Sign in</button></form></main></body></html>");
        return html.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _store.DisposeAsync();
    }
}

internal sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);

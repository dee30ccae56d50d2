using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.Organisations;
using Upward.Data;
using Upward.TestIdentityProvider;
using Upward.Web.Identity.OrganisationSignIn;

namespace Upward.Web.Tests.Infrastructure;

/// <summary>The app with the demo loaded and plain-HTTP issuers allowed, as for a provider on loopback.</summary>
public sealed class OrganisationSignInFactory : UpwardFactory
{
    public OrganisationSignInFactory() => Demo = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Upward:OrganisationSignIn:AllowHttpIssuers", "true");
    }
}

/// <summary>Sets an organisation's provider up and walks the authorisation-code flow as a browser would.</summary>
public static class OrganisationProvider
{
    public const string Name = "Test NHS login";

    /// <summary>The redirect address the app gives the provider for an organisation, on the test server's host.</summary>
    public static string RedirectUri(Guid organisationId, string origin = "http://localhost") =>
        origin + OrganisationProviderOptions.CallbackPath(organisationId);

    public static async Task<Guid> DemoOrganisationIdAsync(this UpwardFactory factory) =>
        await factory.WithDbAsync(db => Task.FromResult(db.Organisations.Single(o => o.Name == Upward.Web.Demo.DemoProgramme.OrganisationName).Id));

    /// <summary>Writes the settings straight to the database, the secret sealed as the admin page seals it.</summary>
    public static async Task ConfigureAsync(this UpwardFactory factory, Guid organisationId, string issuer, string domains = "demo.upward.example",
        bool staffOnly = false, bool secondFactor = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UpwardDbContext>();
        var sealer = scope.ServiceProvider.GetRequiredService<OrganisationProviderOptions>().SecretProtector;
        var settings = db.OrganisationSignInSettings.SingleOrDefault(s => s.OrganisationId == organisationId);
        if (settings is null)
        {
            settings = new OrganisationSignInSettings { OrganisationId = organisationId };
            db.OrganisationSignInSettings.Add(settings);
        }
        settings.ProviderName = Name;
        settings.Issuer = issuer;
        settings.ClientId = TestOpenIdProvider.ClientId;
        settings.ProtectedClientSecret = sealer.Protect(TestOpenIdProvider.ClientSecret);
        settings.AllowedEmailDomains = domains;
        settings.Enabled = true;
        settings.OrganisationSignInOnlyForStaff = staffOnly;
        settings.RequireSecondFactorForStaff = secondFactor;
        settings.UpdatedAtUtc = DateTime.UtcNow;
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// From a URL of the app that starts an organisation sign-in, through the provider (with its own
    /// cookies) and back, to the app's last answer: a redirect onwards or to the problem page.
    /// </summary>
    /// <remarks>Where the app sent no login hint the provider shows its form: <paramref name="typeAtProvider"/> is the email typed there.</remarks>
    public static async Task<HttpResponseMessage> FollowOrganisationSignInAsync(this HttpClient app, string startUrl, TestOpenIdProvider provider, string? typeAtProvider = null)
    {
        var start = await app.GetAsync(startUrl);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorise = start.Headers.Location!;
        if (!authorise.IsAbsoluteUri || !authorise.AbsoluteUri.StartsWith(provider.Issuer, StringComparison.Ordinal))
        {
            return start;
        }
        using var browserAtProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        var atProvider = await browserAtProvider.GetAsync(authorise);
        if (atProvider.StatusCode == HttpStatusCode.OK && typeAtProvider is not null)
        {
            var form = System.Text.RegularExpressions.Regex.Matches(await atProvider.Content.ReadAsStringAsync(), "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
                .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
            form["email"] = typeAtProvider;
            atProvider = await browserAtProvider.PostAsync(provider.Issuer + "connect/authorize", new FormUrlEncodedContent(form));
        }
        Assert.True(atProvider.StatusCode == HttpStatusCode.Redirect, $"The provider answered {(int)atProvider.StatusCode}: {await atProvider.Content.ReadAsStringAsync()}");
        var callback = atProvider.Headers.Location!;
        Assert.StartsWith("http://localhost/account/organisation/", callback.AbsoluteUri);
        var back = await app.GetAsync(callback.PathAndQuery);
        if (back.StatusCode != HttpStatusCode.Redirect || !back.Headers.Location!.OriginalString.Contains("/complete", StringComparison.Ordinal))
        {
            return back;
        }
        return await app.GetAsync(back.Headers.Location);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Accounts;

public sealed class OrganisationSignInSettingsTests : IDisposable
{
    private const string Page = "/admin/organisation-sign-in";
    private const string Secret = "a-very-secret-client-secret";
    private readonly OrganisationSignInFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static Dictionary<string, string> Settings(string secret = Secret) => new()
    {
        ["Input.ProviderName"] = "NHSmail",
        ["Input.Issuer"] = "https://login.example.nhs.uk/tenant/v2.0",
        ["Input.ClientId"] = "upward-client",
        ["Input.ClientSecret"] = secret,
        ["Input.AllowedEmailDomains"] = "nhs.net\n@Demo.Upward.Example",
        ["Input.Switches"] = "enabled",
    };

    [Fact]
    public async Task The_administrator_saves_the_provider_the_secret_is_sealed_never_shown_and_the_change_audited()
    {
        var admin = await _factory.AsAsync("admin");

        var saved = await admin.SubmitAsync(Page, Settings());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await admin.GetStringAsync(Page);
        Assert.Contains("value=\"NHSmail\"", page);
        Assert.Contains("demo.upward.example", page);
        Assert.DoesNotContain("@Demo.Upward.Example", page);
        Assert.Contains("A secret is saved", page);
        Assert.DoesNotContain(Secret, page);
        Assert.Contains("/account/organisation/", page);

        var stored = await _factory.WithDbAsync(db => db.OrganisationSignInSettings.SingleAsync());
        Assert.True(stored.Enabled);
        Assert.DoesNotContain(Secret, stored.ProtectedClientSecret);
        var entry = await _factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.OrganisationSignInChanged));
        Assert.Contains("ProviderName: (none) → NHSmail", entry.Detail);
        Assert.Contains("ClientSecret: replaced", entry.Detail);
        Assert.DoesNotContain(Secret, entry.Detail);

        // Saving again with the secret left empty keeps it, and only what changed is audited.
        var again = Settings(secret: "");
        again["Input.ProviderName"] = "NHSmail (Entra ID)";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(Page, again)).StatusCode);
        var second = await _factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.OrganisationSignInChanged).OrderBy(a => a.Id).LastAsync());
        Assert.Equal("ProviderName: NHSmail → NHSmail (Entra ID)", second.Detail);
        Assert.Equal(stored.ProtectedClientSecret, await _factory.WithDbAsync(db => db.OrganisationSignInSettings.Select(s => s.ProtectedClientSecret).SingleAsync()));
    }

    [Fact]
    public async Task Bad_settings_are_all_named_on_the_form_and_nothing_is_saved()
    {
        var admin = await _factory.AsAsync("admin");
        var bad = new Dictionary<string, string>
        {
            ["Input.ProviderName"] = "", ["Input.Issuer"] = "ftp://nowhere", ["Input.ClientId"] = "", ["Input.ClientSecret"] = "",
            ["Input.AllowedEmailDomains"] = "not a domain", ["Input.Switches"] = "enabled",
        };

        var response = await admin.SubmitAsync(Page, bad);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nhsuk-error-summary", html);
        Assert.Contains("Enter the provider name", html);
        Assert.Contains("Enter the issuer as an address starting with https://", html);
        Assert.Contains("Enter the client ID", html);
        Assert.Contains("Enter the client secret", html);
        Assert.Contains("Enter domains like nhs.net", html);
        Assert.False(await _factory.WithDbAsync(db => db.OrganisationSignInSettings.AnyAsync()));
    }

    [Theory]
    [InlineData("coordinator")]
    [InlineData("researcher")]
    public async Task Only_an_organisation_administrator_may_open_or_change_the_settings(string who)
    {
        var client = await _factory.AsAsync(who);
        DemoPeople.AssertRefused(await client.GetAsync(Page), $"{who} opening the settings");
        // With a valid antiforgery token from another page, the post is refused all the same.
        DemoPeople.AssertRefused(await client.SubmitAsync("/", Settings(), Page), $"{who} saving the settings");
        Assert.False(await _factory.WithDbAsync(db => db.OrganisationSignInSettings.AnyAsync()));
    }

    [Fact]
    public async Task An_administrator_of_another_organisation_changes_only_their_own()
    {
        var outsider = await _factory.AsAsync(DemoPeople.OutsiderEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await outsider.SubmitAsync(Page, Settings())).StatusCode);
        var demoId = await _factory.DemoOrganisationIdAsync();
        Assert.False(await _factory.WithDbAsync(db => db.OrganisationSignInSettings.AnyAsync(s => s.OrganisationId == demoId)));
        Assert.DoesNotContain("value=\"NHSmail\"", await (await _factory.AsAsync("admin")).GetStringAsync(Page));
    }
}

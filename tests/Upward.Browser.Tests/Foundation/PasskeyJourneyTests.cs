using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Core.Auditing;
using Upward.Web.Demo;

namespace Upward.Browser.Tests.Foundation;

/// <summary>Passkeys with Chromium's virtual authenticator (DevTools protocol WebAuthn domain).</summary>
public sealed class PasskeyJourneyTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    [Fact]
    public async Task A_mentor_adds_a_passkey_signs_in_with_it_and_removes_it()
    {
        // WebAuthn refuses an IP address as the relying party: the same server, by the name localhost.
        var baseUrl = upward.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        var context = await chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, Locale = "en-GB" });
        var page = await context.NewPageAsync();
        var devTools = await context.NewCDPSessionAsync(page);
        await devTools.SendAsync("WebAuthn.enable");
        await devTools.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true,
                ["hasUserVerification"] = true, ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });

        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoProgramme.EmailOf("mentor3"));
        await page.GetByLabel("Password").FillAsync(DemoProgramme.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your programmes" }).WaitForAsync();

        await page.GotoAsync("/account/security/passkeys");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await page.GetByText("Passkey added. You can now sign in with it.").WaitForAsync();
        Assert.Equal(1, await page.Locator("#passkeys tbody tr").CountAsync());
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "You have signed out" }).WaitForAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your programmes" }).WaitForAsync();
        Assert.Contains("Signed in as", await page.Locator("header").InnerTextAsync());

        await page.GotoAsync("/account/security/passkeys");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await page.GetByText("Passkey removed.").WaitForAsync();
        Assert.Equal(0, await page.Locator("#passkeys tbody tr").CountAsync());

        var actions = await upward.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditAction.PasskeyAdded, actions);
        Assert.Contains(AuditAction.SignedInWithPasskey, actions);
        Assert.Contains(AuditAction.PasskeyRemoved, actions);
    }
}

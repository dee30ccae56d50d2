using Microsoft.Playwright;
using OtpNet;
using Upward.Browser.Tests.Infrastructure;
using Upward.TestIdentityProvider;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Browser.Tests.Foundation;

/// <summary>Upward on Kestrel with plain-HTTP issuers allowed, for a provider on loopback.</summary>
public sealed class LiveUpwardWithOrganisationSignIn() : LiveUpward(new Dictionary<string, string> { ["Upward:OrganisationSignIn:AllowHttpIssuers"] = "true" });

public sealed class OrganisationSignInJourneyTests(LiveUpwardWithOrganisationSignIn upward, Chromium chromium)
    : IClassFixture<LiveUpwardWithOrganisationSignIn>, IClassFixture<Chromium>
{
    private async Task<IPage> NewPageAsync(bool phone = false)
    {
        var options = new BrowserNewContextOptions { BaseURL = upward.BaseUrl, Locale = "en-GB" };
        if (phone)
        {
            options.ViewportSize = new() { Width = 375, Height = 812 };
            options.IsMobile = true;
            options.HasTouch = true;
        }
        return await (await chromium.NewContextAsync(options)).NewPageAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_member_of_staff_signs_in_through_their_organisation_provider(bool phone)
    {
        var organisationId = await upward.DemoOrganisationIdAsync();
        await using var provider = await TestOpenIdProvider.StartAsync([OrganisationProvider.RedirectUri(organisationId, upward.BaseUrl)],
            new TestUser("sub-browser", "ward.sister@demo.upward.example", "Sister Ward"),
            new TestUser("sub-unverified", "unverified@demo.upward.example", "Not Verified", EmailVerified: false));
        await upward.ConfigureAsync(organisationId, provider.Issuer);
        var page = await NewPageAsync(phone);

        await page.GotoAsync("/account/sign-in");
        await page.AssertNoViolationsAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, $"organisation-sign-in-{(phone ? "phone" : "desktop")}.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = $"Sign in with {OrganisationProvider.Name}" }).ClickAsync();

        // At the provider's own page, then back.
        await page.WaitForURLAsync(provider.Issuer + "**");
        await page.GetByLabel("Email").FillAsync("ward.sister@demo.upward.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your programmes" }).WaitForAsync();
        Assert.Contains("Signed in as Sister Ward", await page.Locator("header").InnerTextAsync());

        // Someone whose address the provider has not confirmed is told so, on an accessible page.
        var other = await NewPageAsync(phone);
        await other.GotoAsync("/account/sign-in");
        await other.GetByRole(AriaRole.Button, new() { Name = $"Sign in with {OrganisationProvider.Name}" }).ClickAsync();
        await other.WaitForURLAsync(provider.Issuer + "**");
        await other.GetByLabel("Email").FillAsync("unverified@demo.upward.example");
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await other.Locator(".nhsuk-error-summary").WaitForAsync();
        Assert.Contains("has not confirmed your email address", await other.Locator(".nhsuk-error-summary").InnerTextAsync());
        await other.AssertNoViolationsAsync();
        await other.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, $"organisation-sign-in-refused-{(phone ? "phone" : "desktop")}.png"), FullPage = true });
    }

    [Fact]
    public async Task A_coordinator_sets_up_an_authenticator_app_on_accessible_pages()
    {
        var page = await chromium.SignInAsync(upward, "coordinator", phone: true);
        await page.GotoAsync("/account/security");
        await page.AssertNoViolationsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up an authenticator app" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Set up an authenticator app" }).WaitForAsync();
        await page.AssertNoViolationsAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, "authenticator-phone.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        await page.AssertNoViolationsAsync();

        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await page.GetByLabel("6-digit code from the app").FillAsync(new Totp(Base32Encoding.ToBytes(key)).ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Save your recovery codes" }).WaitForAsync();
        Assert.Equal(10, await page.Locator("#recovery-codes li").CountAsync());
        await page.AssertNoViolationsAsync();
    }
}

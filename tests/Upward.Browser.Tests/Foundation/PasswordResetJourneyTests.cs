using Microsoft.Playwright;
using Upward.Browser.Tests.Infrastructure;
using Upward.Web.Demo;

namespace Upward.Browser.Tests.Foundation;

/// <summary>A person who forgot their password asks for a link, mistypes the new one, then sets it and signs in. axe on every page.</summary>
public sealed class PasswordResetJourneyTests(LiveUpward upward, Chromium chromium) : IClassFixture<LiveUpward>, IClassFixture<Chromium>
{
    private async Task<IPage> NewPageAsync(int width)
    {
        var context = await chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = upward.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "en-GB",
        });
        return await context.NewPageAsync();
    }

    private async Task<string> ResetLinkAsync(string email)
    {
        for (var waited = 0; waited < 10_000; waited += 100)
        {
            var mail = upward.Sent().LastOrDefault(m => m.To.Mailboxes.Any(b => b.Address == email) && (m.Subject ?? "").StartsWith("Reset", StringComparison.Ordinal));
            if (mail is not null)
            {
                return System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", @"https?://\S+/account/reset-password\S+").Value;
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"No reset email to {email}");
    }

    [Theory]
    [InlineData(1024, "mentor5")]
    [InlineData(375, "mentor6")]
    public async Task Forgotten_password_to_signed_in_with_the_new_one(int width, string who)
    {
        var email = DemoProgramme.EmailOf(who);
        var page = await NewPageAsync(width);
        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgotten your password?" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Reset your password" }).WaitForAsync();
        await page.AssertNoViolationsAsync();

        // Nothing typed: the error summary names the field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await page.Locator(".nhsuk-error-summary").WaitForAsync();
        Assert.Contains("Enter your email address", await page.Locator(".nhsuk-error-summary").InnerTextAsync());
        await page.AssertNoViolationsAsync();

        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" }).WaitForAsync();
        await page.AssertNoViolationsAsync();

        await page.GotoAsync(await ResetLinkAsync(email));
        await page.GetByRole(AriaRole.Heading, new() { Name = "Choose a new password" }).WaitForAsync();
        await page.AssertNoViolationsAsync();

        // A common password and a mismatch: both mistakes at once.
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("password12345");
        await page.GetByLabel("Confirm your new password").FillAsync("something else entirely");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        var summary = page.Locator(".nhsuk-error-summary");
        await summary.WaitForAsync();
        var errors = await summary.InnerTextAsync();
        Assert.Contains("Choose a password that is harder to guess", errors);
        Assert.Contains("The passwords do not match", errors);
        await page.AssertNoViolationsAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsFolder, $"reset-errors-{width}.png"), FullPage = true });

        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("a fresh and private phrase");
        await page.GetByLabel("Confirm your new password").FillAsync("a fresh and private phrase");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your password has been changed" }).WaitForAsync();
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).Or(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).First.ClickAsync();
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync("a fresh and private phrase");
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your programmes" }).WaitForAsync();
    }
}

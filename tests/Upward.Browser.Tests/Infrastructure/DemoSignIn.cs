using Microsoft.Playwright;
using Upward.Web.Demo;

namespace Upward.Browser.Tests.Infrastructure;

/// <summary>Signs a demo person in through the real sign-in page, in a browser context of their own.</summary>
public static class DemoSignIn
{
    /// <returns>The page, left where sign-in lands (the person's programmes).</returns>
    public static async Task<IPage> SignInAsync(this Chromium chromium, LiveUpward upward, string who)
    {
        var context = await chromium.Browser.NewContextAsync(new() { BaseURL = upward.BaseUrl, Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoProgramme.EmailOf(who));
        await page.GetByLabel("Password").FillAsync(DemoProgramme.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your programmes" }).WaitForAsync();
        return page;
    }
}

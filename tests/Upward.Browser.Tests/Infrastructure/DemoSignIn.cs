using Microsoft.Playwright;
using Upward.Web.Demo;

namespace Upward.Browser.Tests.Infrastructure;

/// <summary>Signs a demo person in through the real sign-in page, in a browser context of their own.</summary>
public static class DemoSignIn
{
    /// <param name="phone">A phone-sized touch screen rather than a desktop window.</param>
    /// <returns>The page, left where sign-in lands (the person's programmes).</returns>
    public static async Task<IPage> SignInAsync(this Chromium chromium, LiveUpward upward, string who, bool phone = false)
    {
        var options = new BrowserNewContextOptions { BaseURL = upward.BaseUrl, Locale = "en-GB" };
        if (phone)
        {
            options.ViewportSize = new() { Width = 375, Height = 812 };
            options.IsMobile = true;
            options.HasTouch = true;
        }
        var context = await chromium.NewContextAsync(options);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(DemoProgramme.EmailOf(who));
        await page.GetByLabel("Password").FillAsync(DemoProgramme.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Your programmes" }).WaitForAsync();
        return page;
    }
}

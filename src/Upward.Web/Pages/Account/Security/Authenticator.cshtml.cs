using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upward.Core.Auditing;
using Upward.Data;
using Upward.Data.Identity;
using Upward.Web.Identity.SecondFactor;

namespace Upward.Web.Pages.Account.Security;

/// <summary>
/// Sets up TOTP with ASP.NET Core Identity's authenticator support: the key is kept until the first
/// right code turns it on, then ten recovery codes are shown once.
/// </summary>
[Authorize]
public sealed class AuthenticatorModel(UserManager<UpwardUser> users, SignInManager<UpwardUser> signIn, UpwardDbContext db, SecondFactorAudit audit) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string GroupedKey { get; private set; } = "";
    public string OtpAuthUri { get; private set; } = "";
    public string QrSvg { get; private set; } = "";
    public bool Required { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            return RedirectToPage("/Account/Security/Index", null);
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            return RedirectToPage("/Account/Security/Index", null);
        }
        var code = new string((Code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
        }
        else if (code.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "That code is not right. Check the app shows Upward, then enter the code it shows now");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodes.Count);
        await audit.RecordAsync(AuditAction.TwoFactorEnabled, user, detail: "authenticator app");
        // A new cookie without the "set up a second factor" claim.
        await signIn.RefreshSignInAsync(user);
        TempData[RecoveryCodes.TempDataKey] = string.Join(' ', codes ?? []);
        return Redirect(RecoveryCodes.Path + (Url.IsLocalUrl(ReturnUrl) ? "?returnUrl=" + Uri.EscapeDataString(ReturnUrl) : ""));
    }

    private async Task LoadAsync(UpwardUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        GroupedKey = AuthenticatorKey.Grouped(key!);
        OtpAuthUri = AuthenticatorKey.Uri(user.Email ?? user.UserName ?? "", key!);
        QrSvg = AuthenticatorKey.QrSvg(OtpAuthUri);
        Required = user.PasswordHash is not null && await SecondFactorRule.AppliesToAsync(db, user);
    }
}

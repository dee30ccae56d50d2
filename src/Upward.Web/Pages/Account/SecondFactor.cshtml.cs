using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Upward.Web.Startup;
using Upward.Core.Auditing;
using Upward.Data.Identity;
using Upward.Web.Identity.SecondFactor;

namespace Upward.Web.Pages.Account;

/// <summary>The second step of a password sign-in for someone with an authenticator app: its code, or a recovery code.</summary>
// Guessing codes is limited per client address, like the password form.
[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class SecondFactorModel(SignInManager<UpwardUser> signIn, SecondFactorAudit audit) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool UseRecoveryCode { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn", null) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            // The first step has expired (or never happened): start again.
            return RedirectToPage("/Account/SignIn", null);
        }
        // Spaces people type between groups go; a recovery code's own hyphen stays.
        var code = new string((Code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), UseRecoveryCode ? "Enter a recovery code" : "Enter the 6-digit code from your authenticator app");
            return Page();
        }
        var result = UseRecoveryCode
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            if (UseRecoveryCode)
            {
                var left = await signIn.UserManager.CountRecoveryCodesAsync(user);
                await audit.RecordAsync(AuditAction.RecoveryCodeUsed, user, detail: $"{left} left");
            }
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(nameof(Code), "This account is locked because of too many wrong codes. Try again in 15 minutes");
            return Page();
        }
        ModelState.AddModelError(nameof(Code), UseRecoveryCode
            ? "That recovery code is not right or has been used. Check it and try again"
            : "That code is not right. Enter the code your app shows now: it changes every 30 seconds");
        return Page();
    }
}

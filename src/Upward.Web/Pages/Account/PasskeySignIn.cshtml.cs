using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Upward.Web.Startup;
using Upward.Core.Auditing;
using Upward.Data.Identity;
using Upward.Web.Identity.SecondFactor;

namespace Upward.Web.Pages.Account;

/// <summary>Sign-in with a passkey, which is a whole sign-in: something the person has, unlocked by something they are or know.</summary>
// Guessing codes is limited per client address, like the password form.
[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class PasskeySignInModel(SignInManager<UpwardUser> signIn, SecondFactorAudit audit) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(user: null), "application/json");

    public async Task<IActionResult> OnPostAsync(string? credential, string? error)
    {
        if (string.IsNullOrEmpty(credential) || credential.Length > 20_000)
        {
            ModelState.AddModelError("Credential", error == "cancelled"
                ? "Signing in with a passkey was cancelled or timed out. Try again"
                : "This browser could not use a passkey. Sign in with your email address and password instead");
            return Page();
        }
        Microsoft.AspNetCore.Identity.SignInResult result;
        try
        {
            result = await signIn.PasskeySignInAsync(credential);
        }
        catch (Exception e) when (e is PasskeyException or System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            // Not a credential a browser made for this request (forged, replayed, or the request expired).
            result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("Credential", result.IsLockedOut
                ? "This account is locked. Try again in 15 minutes"
                : "That passkey is not one Upward knows. Sign in with your email address and password, then add it");
            return Page();
        }
        if (await PasskeyOwnerAsync(credential) is { } user)
        {
            await audit.RecordAsync(AuditAction.SignedInWithPasskey, user);
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    // The credential Identity has just verified names its passkey by id; its owner is the person signed in.
    private async Task<UpwardUser?> PasskeyOwnerAsync(string credential)
    {
        using var json = System.Text.Json.JsonDocument.Parse(credential);
        return json.RootElement.TryGetProperty("id", out var id) && id.GetString() is { } text
            ? await signIn.UserManager.FindByPasskeyIdAsync(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(text))
            : null;
    }
}

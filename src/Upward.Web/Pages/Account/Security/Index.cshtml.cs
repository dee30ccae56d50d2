using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upward.Core.Auditing;
using Upward.Data;
using Upward.Data.Identity;
using Upward.Web.Identity.SecondFactor;

namespace Upward.Web.Pages.Account.Security;

/// <summary>A person's own second factors: what they use, new recovery codes, and turning the app off where allowed.</summary>
[Authorize]
public sealed class SecurityIndexModel(UserManager<UpwardUser> users, SignInManager<UpwardUser> signIn, UpwardDbContext db, SecondFactorAudit audit) : PageModel
{
    public bool TwoFactorEnabled { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public bool Required { get; private set; }
    public int Passkeys { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await LoadAsync();
        if (user is null || !user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodes.Count);
        await audit.RecordAsync(AuditAction.RecoveryCodesRenewed, user);
        TempData[RecoveryCodes.TempDataKey] = string.Join(' ', codes ?? []);
        return Redirect(RecoveryCodes.Path);
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await LoadAsync();
        if (user is null || !user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }
        if (Required)
        {
            Message = "Your organisation requires a second step for your role, so you cannot turn it off.";
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.RecordAsync(AuditAction.TwoFactorDisabled, user);
        await signIn.RefreshSignInAsync(user);
        await LoadAsync();
        Message = "You no longer use an authenticator app to sign in.";
        return Page();
    }

    private async Task<UpwardUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return null;
        }
        TwoFactorEnabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
        Required = user.PasswordHash is not null && await SecondFactorRule.AppliesToAsync(db, user);
        Passkeys = (await users.GetPasskeysAsync(user)).Count;
        return user;
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Upward.Core.Auditing;
using Upward.Data;
using Upward.Data.Identity;
using Upward.Web.Email;
using Upward.Web.Identity;
using Upward.Web.Startup;

namespace Upward.Web.Pages.Account.Security;

/// <summary>
/// A signed-in person changes their own password, proving the current one first. Wrong current
/// passwords count towards the same throttle as sign-in, so this form is no easier a place to guess.
/// Changing it renews the account's security stamp, which signs out every other browser at its next
/// check (within a minute: see ServiceRegistration); this one is signed in again. The person is emailed, in case it was not them.
/// </summary>
[Authorize]
[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class PasswordModel(UserManager<UpwardUser> users, SignInManager<UpwardUser> signIn, PasswordThrottle throttle, UpwardDbContext db, Mailer mailer) : PageModel
{
    [BindProperty] public PasswordInput Input { get; set; } = new();

    /// <summary>False for people who sign in only through their organisation or a passkey: they have no Upward password to change.</summary>
    public bool HasPassword { get; private set; }
    public bool Done { get; private set; }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Enter your current password")]
        public string? CurrentPassword { get; set; }

        [Required(ErrorMessage = "Create a new password")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Confirm your new password")]
        [Compare(nameof(Password), ErrorMessage = "The new passwords do not match")]
        public string? ConfirmPassword { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        HasPassword = await users.HasPasswordAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        HasPassword = await users.HasPasswordAsync(user);
        if (!HasPassword) return Page();

        var email = user.Email ?? user.Id.ToString();
        var address = RateLimits.ClientAddress(HttpContext);
        if (await throttle.IsThrottledAsync(email, address))
        {
            ModelState.AddModelError("Input.CurrentPassword", "Too many wrong passwords. Wait 15 minutes, then try again.");
            return Page();
        }
        if (!string.IsNullOrEmpty(Input.CurrentPassword) && !await users.CheckPasswordAsync(user, Input.CurrentPassword))
        {
            await throttle.CountFailureAsync(email, address);
            ModelState.AddModelError("Input.CurrentPassword", "Your current password is not right");
        }
        if (Input.Password is not null && Input.Password == Input.CurrentPassword)
        {
            ModelState.AddModelError("Input.Password", "Choose a new password that is different from your current one");
        }
        await PasswordRules.CheckAsync(users, user, Input.Password, ModelState, "Input.Password");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.Password!);
        if (!result.Succeeded)
        {
            IdentityMessages.AddTo(ModelState, result, "Input.Password", "Input.CurrentPassword");
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        db.Audit(AuditAction.PasswordChanged, user.Id, user.OrganisationId, subject: $"user:{user.Id}");
        await db.SaveChangesAsync(ct);
        if (user.Email is { } to && user.OrganisationId is { } organisation)
        {
            await mailer.SendAsync(organisation, Messages.PasswordChanged(to, user.DisplayName), ct);
        }
        Done = true;
        return Page();
    }
}

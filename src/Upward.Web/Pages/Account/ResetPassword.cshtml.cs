using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Upward.Core.Auditing;
using Upward.Data;
using Upward.Data.Identity;
using Upward.Web.Identity;
using Upward.Web.Startup;

namespace Upward.Web.Pages.Account;

/// <summary>
/// Chooses a new password from a reset link. The link is Identity's reset token, bound to the
/// account's security stamp: it works once (the new password changes the stamp) and within
/// <see cref="AccountLinks.ResetLifetime"/>. Using it also proves the address.
/// </summary>
[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class ResetPasswordModel(UserManager<UpwardUser> users, UpwardDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public Guid? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public ResetInput Input { get; set; } = new();

    public bool LinkValid { get; private set; }
    public bool Done { get; private set; }

    public sealed class ResetInput
    {
        [Required(ErrorMessage = "Create a password")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Confirm your password")]
        [Compare(nameof(Password), ErrorMessage = "The passwords do not match")]
        public string? ConfirmPassword { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        LinkValid = await FindAsync() is not null;
        if (!LinkValid) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await FindAsync();
        LinkValid = user is not null;
        if (user is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        await PasswordRules.CheckAsync(users, user, Input.Password, ModelState, "Input.Password");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, Token!, Input.Password!);
        if (!result.Succeeded)
        {
            // Only a token spent by another tab in the meantime gets here: the rules were checked above.
            IdentityMessages.AddTo(ModelState, result, "Input.Password", "Input.Password");
            return Page();
        }
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        db.Audit(AuditAction.PasswordReset, user.Id, user.OrganisationId, subject: $"user:{user.Id}");
        await db.SaveChangesAsync(ct);
        Done = true;
        return Page();
    }

    private async Task<UpwardUser?> FindAsync()
    {
        if (UserId is not { } id || string.IsNullOrEmpty(Token)) return null;
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null || await users.IsLockedOutAsync(user)) return null;
        var valid = await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<UpwardUser>.ResetPasswordTokenPurpose, Token);
        return valid ? user : null;
    }
}

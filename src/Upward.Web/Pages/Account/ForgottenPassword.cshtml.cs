using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Upward.Data.Identity;
using Upward.Web.Startup;

namespace Upward.Web.Pages.Account;

/// <summary>
/// Asks for a reset link. The answer is the same whether or not the email has an account, and the
/// link is written after the response has gone, so the time taken does not tell either. Links go
/// only to proven addresses: a mistyped address at set-up must not receive the administrator's reset.
/// </summary>
[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class ForgottenPasswordModel(UserManager<UpwardUser> users, IServiceScopeFactory scopes, ILogger<ForgottenPasswordModel> log) : PageModel
{
    [BindProperty] public ForgottenInput Input { get; set; } = new();
    public bool Sent { get; private set; }

    public sealed class ForgottenInput
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.nhs.uk")]
        public string? Email { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user is { EmailConfirmed: true } && !await users.IsLockedOutAsync(user))
        {
            var userId = user.Id;
            Response.OnCompleted(async () =>
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var services = scope.ServiceProvider;
                    var fresh = await services.GetRequiredService<UserManager<UpwardUser>>().FindByIdAsync(userId.ToString());
                    if (fresh is not null) await services.GetRequiredService<AccountLinks>().SendResetAsync(fresh, CancellationToken.None);
                }
                catch (Exception e)
                {
                    log.LogError(e, "Password reset email for user {UserId} failed", userId);
                }
            });
        }
        Sent = true;
        return Page();
    }
}

using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upward.Core.Auditing;
using Upward.Data;
using Upward.Data.Identity;

namespace Upward.Web.Pages.Account;

/// <summary>
/// Confirms an account's email address from the emailed link. The link opens a page with a button
/// rather than confirming on GET, so that a mail scanner following links confirms nothing.
/// </summary>
public sealed class ConfirmEmailModel(UserManager<UpwardUser> users, UpwardDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public Guid? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public bool LinkValid { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await FindAsync();
        LinkValid = user is not null;
        Done = user is { EmailConfirmed: true };
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
        if (!user.EmailConfirmed && (await users.ConfirmEmailAsync(user, Token!)).Succeeded)
        {
            db.Audit(AuditAction.EmailConfirmed, user.Id, user.OrganisationId, subject: $"user:{user.Id}");
            await db.SaveChangesAsync(ct);
        }
        Done = true;
        return Page();
    }

    private async Task<UpwardUser?> FindAsync()
    {
        if (UserId is not { } id || string.IsNullOrEmpty(Token)) return null;
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null) return null;
        var valid = await users.VerifyUserTokenAsync(user, users.Options.Tokens.EmailConfirmationTokenProvider, UserManager<UpwardUser>.ConfirmEmailTokenPurpose, Token);
        return valid ? user : null;
    }
}

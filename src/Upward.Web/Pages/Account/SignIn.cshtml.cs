using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upward.Core.Auditing;
using Upward.Data;
using Upward.Data.Identity;

namespace Upward.Web.Pages.Account;

public sealed class SignInModel(SignInManager<UpwardUser> signIn, UpwardDbContext db) : PageModel
{
    [BindProperty] public SignInInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool LockedOut { get; private set; }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your email address")]
        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.nhs.uk")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Enter your password")]
        public string? Password { get; set; }
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

        var user = await signIn.UserManager.FindByEmailAsync(Input.Email!.Trim());
        if (user is not null)
        {
            var result = await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            }
            if (SecondStep.After(result, ReturnUrl) is { } next)
            {
                return next;
            }
            if (result.IsLockedOut)
            {
                LockedOut = true;
                db.Audit(AuditAction.SignInLockedOut, actorUserId: null, organisationId: user.OrganisationId, subject: $"user:{user.Id}");
                await db.SaveChangesAsync();
                ModelState.AddModelError("Input.Password", "This account is locked because of too many wrong passwords. Try again in 15 minutes");
                return Page();
            }
        }
        // The same words whether or not the email is known, so the form does not reveal who has an account.
        ModelState.AddModelError("Input.Password", "The email address or password is not right");
        return Page();
    }
}

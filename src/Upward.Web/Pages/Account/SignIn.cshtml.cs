using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Upward.Core.Auditing;
using Upward.Data;
using Upward.Data.Identity;
using Upward.Web.Startup;

namespace Upward.Web.Pages.Account;

/// <summary>
/// Sign-in with a local account. Nothing in the response or its timing says whether an email has an
/// account: an unknown email is checked against a dummy hash, and every refusal has the same words.
/// </summary>
[EnableRateLimiting(RateLimits.AccountForms)]
public sealed class SignInModel(SignInManager<UpwardUser> signIn, UpwardDbContext db, PasswordThrottle throttle, DummyPassword dummy) : PageModel
{
    public const string NotRight = "The email address or password is not right";
    public const string TooManyTries = "There have been too many wrong passwords for this email address. Wait 15 minutes and try again, or reset your password";

    [BindProperty] public SignInInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

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
        var email = Input.Email!.Trim();
        var address = RateLimits.ClientAddress(HttpContext);
        if (await throttle.IsThrottledAsync(email, address))
        {
            ModelState.AddModelError("Input.Password", TooManyTries);
            return Page();
        }

        var user = await signIn.UserManager.FindByEmailAsync(email);
        Microsoft.AspNetCore.Identity.SignInResult result;
        if (user is null)
        {
            dummy.Check(Input.Password!);
            result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        else
        {
            // Signs in on success (and is where a second factor would be asked for).
            result = await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: false);
            if (result.IsLockedOut)
            {
                // Locked on purpose (an imported pseudonymous person): refused like a wrong password, in the same time.
                dummy.Check(Input.Password!);
            }
        }

        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        // A right password that is not the whole sign-in: a second factor, or the organisation's provider.
        if (SecondStep.After(result, ReturnUrl) is { } next)
        {
            return next;
        }
        await throttle.CountFailureAsync(email, address);
        if (user is not null && await throttle.IsThrottledAsync(email, address))
        {
            db.Audit(AuditAction.SignInThrottled, actorUserId: null, organisationId: user.OrganisationId, subject: $"user:{user.Id}");
            await db.SaveChangesAsync();
        }
        // The same words whether or not the email is known, so the form does not reveal who has an account.
        ModelState.AddModelError("Input.Password", NotRight);
        return Page();
    }
}

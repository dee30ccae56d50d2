using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upward.Data.Identity;

namespace Upward.Web.Pages.Account;

/// <summary>Sign-out is a POST (with an antiforgery token) so that a link elsewhere cannot sign anyone out.</summary>
public sealed class SignOutModel(SignInManager<UpwardUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignedOut");
    }
}

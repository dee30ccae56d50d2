using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Upward.Web.Pages.Account.Security;

/// <summary>Shows fresh recovery codes once: they travel here in TempData (a protected cookie) and are gone on the next request.</summary>
[Authorize]
public sealed class RecoveryCodes : PageModel
{
    public const int Count = 10;
    public const string Path = "/account/security/recovery-codes";
    public const string TempDataKey = "upward:recovery-codes";

    public IReadOnlyList<string> Codes { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public IActionResult OnGet()
    {
        if (TempData[TempDataKey] is not string codes)
        {
            return RedirectToPage("/Account/Security/Index", null);
        }
        Codes = codes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!Url.IsLocalUrl(ReturnUrl))
        {
            ReturnUrl = null;
        }
        return Page();
    }
}

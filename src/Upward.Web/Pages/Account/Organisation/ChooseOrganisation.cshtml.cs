using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upward.Data;
using Upward.Web.Identity.OrganisationSignIn;

namespace Upward.Web.Pages.Account.Organisation;

/// <summary>
/// Email first: the domain of a work address picks the organisation whose provider signs the person
/// in. Also where a failed organisation sign-in comes back to, with the reason on the form.
/// </summary>
public sealed class ChooseOrganisationModel(OrganisationProviders providers, UpwardDbContext db) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your work email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.nhs.uk")]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    // Text, not the enum: a mangled link must not put model binding's own error on the form.
    [BindProperty(SupportsGet = true)] public string? Problem { get; set; }
    [BindProperty(SupportsGet = true)] public string? Organisation { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Enum.TryParse<OrganisationSignInProblem>(Problem, ignoreCase: true, out var problem) && Enum.IsDefined(problem)
            && problem != OrganisationSignInProblem.None)
        {
            var name = Guid.TryParse(Organisation, out var id)
                ? await db.OrganisationSignInSettings.Where(s => s.OrganisationId == id).Select(s => s.ProviderName).SingleOrDefaultAsync(ct)
                : null;
            ModelState.AddModelError(nameof(Email), OrganisationSignInProblems.Describe(problem, name ?? ""));
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var settings = await providers.ForEmailAsync(Email!.Trim(), ct);
        if (settings is null)
        {
            ModelState.AddModelError(nameof(Email), "Your organisation has not set up sign-in with its own accounts in Upward. Sign in with your email address and password");
            return Page();
        }
        var query = $"?loginHint={Uri.EscapeDataString(Email.Trim())}";
        if (Url.IsLocalUrl(ReturnUrl))
        {
            query += "&returnUrl=" + Uri.EscapeDataString(ReturnUrl);
        }
        return Redirect(OrganisationProviderOptions.StartPath(settings.OrganisationId) + query);
    }
}

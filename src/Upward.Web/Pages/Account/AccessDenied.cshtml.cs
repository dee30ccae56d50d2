using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upward.Data;
using Upward.Web.Pages.Errors;

namespace Upward.Web.Pages.Account;

/// <summary>Where a refused page sends the person (403), with advice that fits who they are and what they asked for.</summary>
public sealed class AccessDeniedModel(UpwardDbContext db, Upward.Web.Programmes.PageLinks pages) : PageModel
{
    public RefusalAdvice.Advice Advice { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "ReturnUrl")] string? returnUrl, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        // Only a local path is read: the advice never follows an address elsewhere.
        var path = returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl.Split('?')[0] : null;
        Advice = await new RefusalAdvice(db, pages).ForbiddenAsync(User, path, ct);
    }
}

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Upward.Web.Pages.Errors;

[IgnoreAntiforgeryToken]
public sealed class StatusModel(Upward.Data.UpwardDbContext db, Upward.Web.Programmes.PageLinks pages) : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";

    /// <summary>Advice that fits the person refused (403) or not finding a programme (404); null for the general words.</summary>
    public RefusalAdvice.Advice? Advice { get; private set; }

    // No parameters to bind, not even a CancellationToken: binding would read the form, which for a request
    // refused as too large (413) fails again.
    public Task OnGetAsync() => DescribeAsync();

    public Task OnPostAsync() => DescribeAsync();

    private async Task DescribeAsync()
    {
        var ct = HttpContext.RequestAborted;
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), out var c) ? c : 500;
        Code = code;
        Heading = code switch
        {
            404 => "Page not found",
            403 => "You cannot open this page",
            400 => "Sorry, we could not understand that request",
            413 => "The file is too large",
            429 => "Too many attempts",
            _ => "Sorry, there is a problem with the service",
        };
        // The address that was refused, when this page is shown in its place.
        var path = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        Advice = code switch
        {
            403 => await new RefusalAdvice(db, pages).ForbiddenAsync(User, path, ct),
            404 => new RefusalAdvice(db, pages).NotFound(User, path),
            _ => null,
        };
    }
}

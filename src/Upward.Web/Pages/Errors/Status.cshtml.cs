using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Upward.Web.Pages.Errors;

[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";

    public void OnGet() => Describe();

    // No parameters to bind: binding would read the form, which for a request refused as too large (413) fails again.
    public void OnPost() => Describe();

    private void Describe()
    {
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
    }
}

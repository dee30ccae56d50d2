using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Upward.Web.Pages.Errors;

[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        Code = code;
        Heading = code switch
        {
            404 => "Page not found",
            403 => "You cannot open this page",
            400 => "Sorry, we could not understand that request",
            _ => "Sorry, there is a problem with the service",
        };
    }
}

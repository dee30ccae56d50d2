using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Upward.Web.Pages.Errors;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    /// <summary>Matches the trace id in the logs, so support can find the failure without a stack trace on screen.</summary>
    public string Reference { get; private set; } = "";

    /// <summary>The request lost a race with another one saving the same thing (the pipeline answers 409).</summary>
    public bool ChangedMeanwhile { get; private set; }

    public void OnGet()
    {
        Reference = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        ChangedMeanwhile = Response.StatusCode == StatusCodes.Status409Conflict;
    }

    public void OnPost() => OnGet();
}

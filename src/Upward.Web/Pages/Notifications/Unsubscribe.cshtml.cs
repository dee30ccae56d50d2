using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Upward.Core.Notifications;
using Upward.Data;

namespace Upward.Web.Pages.Notifications;

/// <summary>
/// The unsubscribe link of an email. Opening it asks for a click, so a mail scanner that follows links
/// unsubscribes nobody; a mail client's one-click unsubscribe (RFC 8058) posts to it directly, without
/// a sign-in or an antiforgery token, which the token in the link stands in for.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(UpwardDbContext db, UnsubscribeTokens tokens, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "t")] public string? Token { get; set; }

    public NotificationKind? Kind { get; private set; }
    public bool Done { get; private set; }

    public IActionResult OnGet()
    {
        if (tokens.Read(Token) is not { } found) return Invalid();
        Kind = found.Kind;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (tokens.Read(Token) is not { } found) return Invalid();
        await PreferenceChanges.TurnOffAsync(db, found.UserId, found.Kind, clock.GetUtcNow().UtcDateTime, ct);
        Kind = found.Kind;
        Done = true;
        return Page();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}

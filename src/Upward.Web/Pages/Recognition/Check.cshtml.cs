using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upward.Data;
using CertificateRow = Upward.Core.Recognition.Certificate;

namespace Upward.Web.Pages.Recognition;

/// <summary>
/// Anyone can check a certificate by its code, without signing in. The page shows the name, the
/// programme and the date, and nothing else; an unknown code gets a plain "not found". Codes are 130
/// random bits, so trying codes finds nothing.
/// </summary>
[AllowAnonymous]
public sealed class CheckModel(UpwardDbContext db) : PageModel
{
    [FromRoute] public string Code { get; set; } = "";

    public string? Name { get; private set; }
    public string? Programme { get; private set; }
    public DateTime? IssuedAtUtc { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CertificateRow.Normalise(Code) is { } code)
        {
            var found = await db.Certificates.AsNoTracking().Where(c => c.Code == code)
                .Join(db.Programmes, c => c.ProgrammeId, p => p.Id, (c, p) => new { c.Name, Programme = p.Name, c.IssuedAtUtc })
                .SingleOrDefaultAsync(ct);
            if (found is not null)
            {
                (Name, Programme, IssuedAtUtc) = (found.Name, found.Programme, found.IssuedAtUtc);
                return Page();
            }
        }
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}

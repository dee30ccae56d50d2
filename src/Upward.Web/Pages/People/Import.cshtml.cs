using System.Text;
using Microsoft.AspNetCore.Mvc;
using Upward.Core.People;
using Upward.Core.Programmes;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.People;

/// <summary>The coordinator invites many people from a CSV file: every line checked first, all or nothing.</summary>
[RequestSizeLimit(MaxFileBytes + 64 * 1024)]
[Requires(ProgrammeCapability.Manage)]
public sealed class ImportModel(ProgrammeInvitations invitations) : ProgrammePageModel
{
    public const long MaxFileBytes = 2 * 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }
    public string? FileError { get; private set; }
    public IReadOnlyList<InvitationImport.Problem> Problems { get; private set; } = [];

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var text = await ReadTextAsync(ct);
        if (text is null)
        {
            ModelState.AddModelError("Upload", FileError!);
            return Page();
        }
        var result = InvitationImport.Check(text, await invitations.AlreadyInvitedAsync(Programme.Id, ct));
        if (!result.IsValid)
        {
            Problems = result.Problems;
            FileError = result.Problems.Count == 1 ? result.Problems[0].Message : $"{result.Problems.Count} lines need correcting: nobody has been invited";
            ModelState.AddModelError("Upload", FileError);
            return Page();
        }
        var invitees = result.Rows.Select(r => new ProgrammeInvitations.Invitee(r.Email, r.Name, r.Role, r.Demographics)).ToList();
        await invitations.InviteAsync(Programme, invitees, User.UserId(), ct);
        return RedirectToPage("/People/Index", new { programmeId = Programme.Id, invited = invitees.Count });
    }

    /// <summary>The upload as UTF-8 text, or null with <see cref="FileError"/> set.</summary>
    private async Task<string?> ReadTextAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            FileError = "Select a CSV file";
            return null;
        }
        if (Upload.Length > MaxFileBytes)
        {
            FileError = "The file must be smaller than 2 MB";
            return null;
        }
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        // A spreadsheet saved as .xlsx, or any binary file, is not CSV: say so plainly.
        if (bytes.Contains((byte)0) || (bytes.Length > 1 && bytes[0] == 'P' && bytes[1] == 'K'))
        {
            FileError = "The file must be a CSV file. In Excel, choose Save As and then CSV UTF-8";
            return null;
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            FileError = "The file must be saved as CSV UTF-8";
            return null;
        }
    }
}

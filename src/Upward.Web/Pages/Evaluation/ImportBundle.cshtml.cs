using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Bundles;
using Upward.Data;
using Upward.Data.Evaluation;
using Upward.Web.Identity;
using Upward.Web.Startup;

namespace Upward.Web.Pages.Evaluation;

/// <summary>
/// An organisation administrator imports a research bundle (a pilot run elsewhere, or a programme
/// exported for safekeeping) as a new programme, which they coordinate. All of it or none of it.
/// </summary>
[Authorize(Policy = Policies.OrganisationAdmin)]
[RequestSizeLimit(MaxFileBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + 64 * 1024)]
public sealed class ImportBundleModel(BundleImport import, UpwardDbContext db, ILogger<ImportBundleModel> log) : PageModel
{
    /// <summary>Enough for a programme of several thousand participants; larger ones belong on PostgreSQL with a restore, not an upload.</summary>
    public const long MaxFileBytes = 100L * 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }

    /// <summary>Where the bundle breaks the format or does not fit, each with its JSON path.</summary>
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var json = await ReadTextAsync(ct);
        if (json is null) return Page();
        ResearchBundle bundle;
        try
        {
            bundle = BundleReader.Read(json);
        }
        catch (BundleFormatException e)
        {
            return Refuse("The file is not a research bundle Upward can read", [e.Message]);
        }
        var problems = BundleFit.Problems(bundle, db.Model);
        if (problems.Count > 0)
        {
            return Refuse("The bundle cannot be imported as it stands, for the reasons below: nothing has been imported", problems);
        }

        // Whoever imports it coordinates it, as whoever starts a programme does.
        var userId = User.UserId();
        Guid programmeId;
        try
        {
            programmeId = (await import.ImportAsync(bundle, User.OrganisationOf()!.Value, userId, ct, coordinatorUserId: userId)).Id;
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
        {
            // Something the checks above missed and the database refused: the transaction has undone it all.
            log.LogWarning(e, "A research bundle that passed the checks failed to import");
            db.ChangeTracker.Clear();
            return Refuse("The bundle could not be imported: nothing has been imported",
                ["Upward could not save the bundle, although it passed every check. Nothing has been imported. Ask the service desk to look at the log."]);
        }
        return RedirectToPage("/Programmes/Overview", new { programmeId, imported = "true" });
    }

    private PageResult Refuse(string summary, IReadOnlyList<string> problems)
    {
        Problems = problems;
        ModelState.AddModelError(nameof(Upload), summary);
        return Page();
    }

    /// <summary>The upload as UTF-8 text, or null with the problem in the model state.</summary>
    private async Task<string?> ReadTextAsync(CancellationToken ct)
    {
        string? error = null;
        if (Upload is null || Upload.Length == 0) error = "Select a research bundle file (.json)";
        else if (Upload.Length > MaxFileBytes) error = "The file must be smaller than 100 MB";
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Upload), error);
            return null;
        }
        using var buffer = new MemoryStream();
        await Upload!.CopyToAsync(buffer, ct);
        try
        {
            // A byte order mark (as Windows editors write) is not part of the JSON.
            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            if (bytes.StartsWith(Encoding.UTF8.Preamble)) bytes = bytes[Encoding.UTF8.Preamble.Length..];
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            ModelState.AddModelError(nameof(Upload), "The file must be a research bundle saved by Upward (JSON in UTF-8)");
            return null;
        }
    }
}

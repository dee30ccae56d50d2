using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Programmes;

/// <summary>The coordinator edits the programme's domains while it is a draft.</summary>
[Requires(ProgrammeCapability.Manage)]
public sealed class DomainsModel(UpwardDbContext db) : ProgrammePageModel
{
    public const int MaxDomains = 12;
    [BindProperty] public DomainsInput Input { get; set; } = new();
    public bool Editable => ProgrammeAccess.DesignIsEditable(Programme.Status);

    public sealed class DomainsInput
    {
        public string? Lines { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.Lines = string.Join("\n", Programme.Domains.Select(d => d.Name));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Editable)
        {
            ModelState.AddModelError("Input.Lines", "The domains cannot change once the programme has left the draft stage");
            return Page();
        }
        var names = (Input.Lines ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (names.Count == 0)
            ModelState.AddModelError("Input.Lines", "Enter at least one domain");
        else if (names.Count > MaxDomains)
            ModelState.AddModelError("Input.Lines", $"Enter at most {MaxDomains} domains");
        else if (names.FirstOrDefault(n => n.Length > 120) is { } tooLong)
            ModelState.AddModelError("Input.Lines", $"Each domain must be 120 characters or fewer: '{tooLong[..30]}…' is longer");
        else if (names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            ModelState.AddModelError("Input.Lines", $"'{twice.Key}' appears more than once");
        if (!ModelState.IsValid) return Page();

        // Keep the ids of domains whose names stay, so nothing keyed to them is orphaned.
        var existing = Programme.Domains.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var gone in Programme.Domains.Where(d => !names.Contains(d.Name, StringComparer.OrdinalIgnoreCase)).ToList())
        {
            Programme.Domains.Remove(gone);
            db.ProgrammeDomains.Remove(gone);
        }
        for (var i = 0; i < names.Count; i++)
        {
            if (existing.TryGetValue(names[i], out var domain))
            {
                domain.Position = i + 1;
                domain.Name = names[i];
            }
            else
            {
                var added = new ProgrammeDomain { ProgrammeId = Programme.Id, Position = i + 1, Name = names[i] };
                Programme.Domains.Add(added);
                db.ProgrammeDomains.Add(added);
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Feedback or answers already refer to a domain being removed: the database refuses, and so do we.
            ModelState.AddModelError("Input.Lines", "A domain you removed already has feedback or answers recorded against it. Keep it, or rename it instead");
            return Page();
        }
        return RedirectToPage("/Programmes/Overview", new { programmeId = Programme.Id });
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Sessions;
using Upward.Data;

namespace Upward.Web.Pages.Sessions;

/// <summary>Each side's private notes on the pairing: only their author ever reads them.</summary>
public sealed class PairNotesModel(UpwardDbContext db, TimeProvider clock) : PairPageModel(db)
{
    [BindProperty] public NoteInput Note { get; set; } = new();

    public IReadOnlyList<PrivateNote> MyNotes { get; private set; } = [];

    public sealed class NoteInput
    {
        [Required(ErrorMessage = "Enter your note")]
        [StringLength(10000, ErrorMessage = "A note must be 10,000 characters or fewer")]
        public string? Text { get; set; }
    }

    /// <summary>Just saved a note (shown once, after the redirect).</summary>
    [FromQuery] public bool Saved { get; set; }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Checked by hand as well: a form posted without the field at all is never bound, so never validated.
        if (string.IsNullOrWhiteSpace(Note.Text) && !ModelState.ContainsKey("Note.Text")) ModelState.AddModelError("Note.Text", "Enter your note");
        if (!ModelState.IsValid) return Page();
        Db.PrivateNotes.Add(new PrivateNote { PairingId = Pair.Pairing.Id, AuthorEnrolmentId = Pair.MyEnrolmentId, Text = Note.Text!.Trim(), WrittenAtUtc = clock.GetUtcNow().UtcDateTime });
        await Db.SaveChangesAsync(ct);
        return Redirect(PairPath("notes") + "?saved=true");
    }

    protected override async Task<IActionResult?> OnPairLoadedAsync(CancellationToken ct)
    {
        MyNotes = await Db.PrivateNotes.Where(n => n.PairingId == Pair.Pairing.Id && n.AuthorEnrolmentId == Pair.MyEnrolmentId)
            .OrderByDescending(n => n.WrittenAtUtc).ToListAsync(ct);
        return null;
    }
}

using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Notifications;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Notifications;

/// <summary>Changes the wording of one kind of notification for this programme, with a preview in plain text and as the email's HTML shows it.</summary>
[Requires(ProgrammeCapability.Manage)]
public sealed class TextModel(UpwardDbContext db, TimeProvider clock) : ProgrammePageModel
{
    [FromRoute(Name = "kind")] public string? KindName { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Body { get; set; }

    public NotificationKind Kind { get; private set; }
    public (string Subject, string Body)? Preview { get; private set; }
    public bool IsOwn { get; private set; }

    /// <summary>Made-up facts for the preview, so nobody's real details are shown.</summary>
    public NotificationTexts.Facts SampleFacts => new("Alex Morgan", Programme.Name, "Mentors: after phase 1", "Friday 14 March 2027");

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        if (!Enum.TryParse<NotificationKind>(KindName, out var kind) || int.TryParse(KindName, out _) || !NotificationTexts.Editable.Contains(kind))
        {
            return NotFound();
        }
        Kind = kind;
        IsOwn = await db.NotificationTexts.AnyAsync(t => t.ProgrammeId == ProgrammeId && t.Kind == Kind, ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var own = await db.NotificationTexts.SingleOrDefaultAsync(t => t.ProgrammeId == ProgrammeId && t.Kind == Kind, ct);
        (Subject, Body) = own is null ? NotificationTexts.Standard(Kind) : (own.Subject, own.Body);
        return Page();
    }

    public IActionResult OnPostPreview()
    {
        if (Check()) Preview = NotificationTexts.For(Kind, SampleFacts, (Subject!.Trim(), Body!.Trim()));
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!Check()) return Page();
        await db.UpsertAsync([new NotificationText { ProgrammeId = ProgrammeId, Kind = Kind, Subject = Subject!.Trim(), Body = Body!.Trim(), ChangedAtUtc = clock.GetUtcNow().UtcDateTime }],
            t => new { t.ProgrammeId, t.Kind }, t => new { t.Subject, t.Body, t.ChangedAtUtc }, ct);
        db.Audit(AuditAction.NotificationTextChanged, User.UserId(), Programme.OrganisationId, ProgrammeId, Kind.ToString(), "own wording saved");
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Notifications/Texts", new { programmeId = ProgrammeId });
    }

    public async Task<IActionResult> OnPostStandardAsync(CancellationToken ct)
    {
        var removed = await db.NotificationTexts.Where(t => t.ProgrammeId == ProgrammeId && t.Kind == Kind).ExecuteDeleteAsync(ct);
        if (removed > 0)
        {
            db.Audit(AuditAction.NotificationTextChanged, User.UserId(), Programme.OrganisationId, ProgrammeId, Kind.ToString(), "back to the standard wording");
            await db.SaveChangesAsync(ct);
        }
        return RedirectToPage("/Notifications/Texts", new { programmeId = ProgrammeId });
    }

    /// <summary>The preview as the email's HTML part shows it.</summary>
    public string PreviewHtml => WebUtility.HtmlEncode(Preview?.Body ?? "").Replace("\n", "<br>", StringComparison.Ordinal);

    private bool Check()
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Subject)) ModelState.AddModelError(nameof(Subject), "Enter a subject line");
        else if (Subject.Trim().Length > NotificationText.SubjectLimit) ModelState.AddModelError(nameof(Subject), $"Subject line must be {NotificationText.SubjectLimit} characters or fewer");
        else if (NotificationTexts.UnknownPlaceholders(Subject) is { Count: > 0 } s) ModelState.AddModelError(nameof(Subject), $"{string.Join(", ", s)} is not a placeholder Upward knows: use one from the list");
        if (string.IsNullOrWhiteSpace(Body)) ModelState.AddModelError(nameof(Body), "Enter the message");
        else if (Body.Trim().Length > NotificationText.BodyLimit) ModelState.AddModelError(nameof(Body), $"Message must be {NotificationText.BodyLimit} characters or fewer");
        else if (NotificationTexts.UnknownPlaceholders(Body) is { Count: > 0 } b) ModelState.AddModelError(nameof(Body), $"{string.Join(", ", b)} is not a placeholder Upward knows: use one from the list");
        return ModelState.IsValid;
    }
}

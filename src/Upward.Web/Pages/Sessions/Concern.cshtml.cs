using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Notifications;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Data;
using Upward.Web.Email;
using Upward.Web.Identity;
using Upward.Web.Pages.Notifications;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Sessions;

/// <summary>A private route from any participant to the programme's coordinators, outside the pair.</summary>
[Requires(ProgrammeCapability.RaiseConcern)]
public sealed class ConcernModel(UpwardDbContext db, Mailer mailer, PublicLinks links, NotificationQueue notifications, TimeProvider clock) : ProgrammePageModel
{
    [BindProperty] public ConcernInput Input { get; set; } = new();
    public bool Sent { get; private set; }

    /// <summary>The concerns this person raised, newest first, with where each stands and any answer.</summary>
    public IReadOnlyList<Concern> Mine { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public sealed class ConcernInput
    {
        [Required(ErrorMessage = "Enter your concern")]
        [StringLength(4000, ErrorMessage = "Your concern must be 4,000 characters or fewer")]
        public string? Text { get; set; }
        public bool? EndPairing { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(bool sent, CancellationToken ct)
    {
        Sent = sent;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A form posted without the field at all is never bound, so never validated: checked here too.
        if (string.IsNullOrWhiteSpace(Input.Text) && !ModelState.ContainsKey("Input.Text")) ModelState.AddModelError("Input.Text", "Enter your concern");
        if (!ModelState.IsValid) return Page();
        var userId = User.UserId();
        var enrolment = await db.Enrolments.Where(e => e.ProgrammeId == ProgrammeId && e.UserId == userId && e.Status != EnrolmentStatus.Withdrawn)
            .OrderBy(e => e.Role).FirstAsync(ct);
        var concern = new Concern
        {
            ProgrammeId = ProgrammeId, RaisedByEnrolmentId = enrolment.Id, Text = Input.Text!.Trim(),
            AsksToEndPairing = Input.EndPairing == true, RaisedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Concerns.Add(concern);
        db.Audit(AuditAction.ConcernRaised, userId, Programme.OrganisationId, Programme.Id, $"concern:{concern.Id}");
        await db.SaveChangesAsync(ct);

        // The email says only that there is a concern: its words stay in Upward.
        var coordinators = await db.Enrolments.Where(e => e.ProgrammeId == ProgrammeId && e.Role == ProgrammeRole.Coordinator && e.Status != EnrolmentStatus.Withdrawn)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        foreach (var c in coordinators.Where(c => c.Email != null))
        {
            await mailer.SendAsync(Programme.OrganisationId, Messages.ConcernRaised(c.Email!, c.DisplayName, Programme.Name, links.To($"/programmes/{ProgrammeId}/concerns")), ct);
        }
        await notifications.AddAlreadyEmailedAsync(coordinators.Where(c => c.Email != null).Select(c => notifications.Make(Programme, new Recipient(c.Id, c.DisplayName),
            NotificationKind.ConcernRaised, $"{NotificationKind.ConcernRaised}:{concern.Id:N}:{c.Id:N}", concern.Id, $"/programmes/{ProgrammeId}/concerns",
            new NotificationTexts.Facts(c.DisplayName, Programme.Name))).ToList(), ct);
        return Redirect($"/programmes/{ProgrammeId}/concern?sent=true");
    }

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        Zone = TimeZoneInfo.FindSystemTimeZoneById(Programme.TimeZone);
        var userId = User.UserId();
        var mine = await db.Enrolments.Where(e => e.ProgrammeId == ProgrammeId && e.UserId == userId).Select(e => e.Id).ToListAsync(ct);
        Mine = await db.Concerns.Where(c => mine.Contains(c.RaisedByEnrolmentId)).OrderByDescending(c => c.RaisedAtUtc).ToListAsync(ct);
        return null;
    }
}

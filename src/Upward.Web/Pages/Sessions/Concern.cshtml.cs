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
using Upward.Web.TagHelpers;

namespace Upward.Web.Pages.Sessions;

/// <summary>
/// A private route from any participant to the programme's coordinators — or, where the programme has
/// one, its named lead for concerns (for example the Freedom to Speak Up guardian) — outside the pair.
/// </summary>
[Requires(ProgrammeCapability.RaiseConcern)]
public sealed class ConcernModel(UpwardDbContext db, Mailer mailer, PublicLinks links, NotificationQueue notifications, TimeProvider clock, PageLinks pages) : ProgrammePageModel
{
    [BindProperty] public ConcernInput Input { get; set; } = new();
    /// <summary>Whom the concern just sent went to, shown on the confirmation; null before sending.</summary>
    public ConcernRoute? SentTo { get; private set; }

    /// <summary>The programme's named leads for concerns, by name; empty when it has none, and then concerns go to the coordinators.</summary>
    public IReadOnlyList<string> NamedLeads { get; private set; } = [];
    public IReadOnlyList<RadioOption> RouteOptions => [
        new(nameof(ConcernRoute.Coordinators), "The programme's coordinators", "For anything about how the programme or your pairing is going"),
        new(nameof(ConcernRoute.NamedLead), $"The named lead for concerns: {string.Join(" or ", NamedLeads)}",
            "For patient safety, safeguarding or professional conduct, or a concern about the coordinators themselves"),
    ];

    /// <summary>The concerns this person raised, newest first, with where each stands and any answer.</summary>
    public IReadOnlyList<Concern> Mine { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public sealed class ConcernInput
    {
        [Required(ErrorMessage = "Enter your concern")]
        [StringLength(4000, ErrorMessage = "Your concern must be 4,000 characters or fewer")]
        public string? Text { get; set; }
        public bool? EndPairing { get; set; }
        public ConcernRoute? Route { get; set; }
    }

    public IActionResult OnGet(ConcernRoute? sent)
    {
        SentTo = sent;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A form posted without the field at all is never bound, so never validated: checked here too.
        if (string.IsNullOrWhiteSpace(Input.Text) && !ModelState.ContainsKey("Input.Text")) ModelState.AddModelError("Input.Text", "Enter your concern");
        // With a named lead there is a choice to make, and no default: the person decides who reads it.
        // A forged value would route it to nobody, so only the routes listed are taken, with our words, not the framework's.
        FormErrors.TakeBindingErrors(ModelState, "Input.Route");
        if (NamedLeads.Count > 0 && (Input.Route is not { } chosen || !Enum.IsDefined(chosen))) ModelState.AddModelError("Input.Route", "Choose who should read your concern");
        if (!ModelState.IsValid) return Page();
        var route = NamedLeads.Count > 0 ? Input.Route!.Value : ConcernRoute.Coordinators;
        var userId = User.UserId();
        var enrolment = await db.Enrolments.Where(e => e.ProgrammeId == ProgrammeId && e.UserId == userId && e.Status != EnrolmentStatus.Withdrawn)
            .OrderBy(e => e.Role).FirstAsync(ct);
        var concern = new Concern
        {
            ProgrammeId = ProgrammeId, RaisedByEnrolmentId = enrolment.Id, Text = Input.Text!.Trim(),
            AsksToEndPairing = Input.EndPairing == true, RaisedAtUtc = clock.GetUtcNow().UtcDateTime, Route = route,
        };
        db.Concerns.Add(concern);
        db.Audit(AuditAction.ConcernRaised, userId, Programme.OrganisationId, Programme.Id, $"concern:{concern.Id}");
        await db.SaveChangesAsync(ct);

        // The email says only that there is a concern: its words stay in Upward. Only its readers are told.
        var reader = ConcernRoutes.ReaderOf(route);
        var readers = await db.Enrolments.Where(e => e.ProgrammeId == ProgrammeId && e.Role == reader && e.Status != EnrolmentStatus.Withdrawn)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        foreach (var c in readers.Where(c => c.Email != null))
        {
            await mailer.SendAsync(Programme.OrganisationId, Messages.ConcernRaised(c.Email!, c.DisplayName, Programme.Name, links.To(pages.Programme(ProgrammeId, "/Sessions/Concerns"))), ct);
        }
        await notifications.AddAlreadyEmailedAsync(readers.Where(c => c.Email != null).Select(c => notifications.Make(Programme, new Recipient(c.Id, c.DisplayName),
            NotificationKind.ConcernRaised, $"{NotificationKind.ConcernRaised}:{concern.Id:N}:{c.Id:N}", concern.Id, pages.Programme(ProgrammeId, "/Sessions/Concerns"),
            new NotificationTexts.Facts(c.DisplayName, Programme.Name))).ToList(), ct);
        return RedirectToPage("/Sessions/Concern", new { programmeId = ProgrammeId, sent = route });
    }

    protected internal override async Task<IActionResult?> OnEnteredAsync(CancellationToken ct)
    {
        Zone = TimeZoneInfo.FindSystemTimeZoneById(Programme.TimeZone);
        var userId = User.UserId();
        var mine = await db.Enrolments.Where(e => e.ProgrammeId == ProgrammeId && e.UserId == userId).Select(e => e.Id).ToListAsync(ct);
        Mine = await db.Concerns.Where(c => mine.Contains(c.RaisedByEnrolmentId)).OrderByDescending(c => c.RaisedAtUtc).ToListAsync(ct);
        NamedLeads = await db.Enrolments.Where(e => e.ProgrammeId == ProgrammeId && e.Role == ProgrammeRole.ConcernsLead && e.Status != EnrolmentStatus.Withdrawn)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => u.DisplayName).OrderBy(n => n).ToListAsync(ct);
        return null;
    }
}

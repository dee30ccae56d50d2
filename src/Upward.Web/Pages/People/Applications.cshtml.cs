using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.People;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Email;
using Upward.Web.Identity;
using Upward.Web.Programmes;
using Upward.Web.TagHelpers;

namespace Upward.Web.Pages.People;

/// <summary>The coordinator opens recruitment until a date and approves (inviting) or declines applications.</summary>
[Requires(ProgrammeCapability.Manage)]
public sealed class ApplicationsModel(
    UpwardDbContext db, ProgrammeInvitations invitations, Mailer mailer, PublicLinks links, TimeProvider clock, Upward.Web.Programmes.PageLinks pages)
    : ProgrammePageModel
{
    [BindProperty] public DateInput Input { get; set; } = new();

    public IReadOnlyList<Application> Pending { get; private set; } = [];
    public int DecidedCount { get; private set; }
    public string? OpenUntil { get; private set; }
    public string ApplyLink { get; private set; } = "";

    public sealed class DateInput
    {
        public string? Day { get; set; }
        public string? Month { get; set; }
        public string? Year { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Programme.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, zone));
        var date = DateParts.Parse(Input.Day, Input.Month, Input.Year);
        if (date is null)
        {
            ModelState.AddModelError("Input.Day", "Enter a real date, like 31 1 2027");
        }
        else if (date < today)
        {
            ModelState.AddModelError("Input.Day", "The closing date must be today or in the future");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        // Closes at the end of the chosen day where the programme is.
        var endOfDay = date!.Value.ToDateTime(new TimeOnly(23, 59, 59));
        Programme.ApplicationsCloseAtUtc = TimeZoneInfo.ConvertTimeToUtc(endOfDay, zone);
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/People/Applications", new { programmeId = Programme.Id });
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid applicationId, bool approve, CancellationToken ct)
    {
        var application = await db.Applications.SingleOrDefaultAsync(a => a.Id == applicationId && a.ProgrammeId == Programme.Id, ct);
        if (application is null) return NotFound();
        if (application.Status != ApplicationStatus.Pending)
        {
            // A second click, or two coordinators at once: the first decision stands.
            return RedirectToPage("/People/Applications", new { programmeId = Programme.Id });
        }
        application.Status = approve ? ApplicationStatus.Approved : ApplicationStatus.Declined;
        application.DecidedAtUtc = clock.GetUtcNow().UtcDateTime;
        db.Audit(AuditAction.ApplicationDecided, User.UserId(), Programme.OrganisationId, Programme.Id, $"application:{application.Id}");
        await db.SaveChangesAsync(ct);
        if (approve)
        {
            var already = await invitations.AlreadyInvitedAsync(Programme.Id, ct);
            if (!already.Contains((application.Email, application.Role)))
            {
                await invitations.InviteAsync(Programme, [new ProgrammeInvitations.Invitee(application.Email, application.Name, application.Role, new DemographicBands())], User.UserId(), ct);
            }
        }
        else
        {
            await mailer.SendAsync(Programme.OrganisationId, Messages.ApplicationDeclined(application.Email, application.Name, Programme.Name), ct);
        }
        return RedirectToPage("/People/Applications", new { programmeId = Programme.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await db.Applications.Where(a => a.ProgrammeId == Programme.Id).ToListAsync(ct);
        Pending = all.Where(a => a.Status == ApplicationStatus.Pending).OrderBy(a => a.SubmittedAtUtc).ToList();
        DecidedCount = all.Count - Pending.Count;
        ApplyLink = links.To(pages.Page("/People/Apply", new { programmeId = Programme.Id }));
        if (Programme.ApplicationsCloseAtUtc is { } closes && closes > clock.GetUtcNow().UtcDateTime)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(Programme.TimeZone);
            OpenUntil = TimeZoneInfo.ConvertTimeFromUtc(closes, zone).ToString("d MMMM yyyy");
        }
    }
}

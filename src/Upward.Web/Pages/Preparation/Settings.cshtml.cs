using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Preparation;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Preparation;

/// <summary>The coordinator's choices on readiness, the safeguarding contact and the criteria for a certificate; audited with old and new values.</summary>
[Requires(ProgrammeCapability.Manage)]
public sealed class SettingsModel(UpwardDbContext db) : ProgrammePageModel
{
    [BindProperty] public SettingsInput Input { get; set; } = new();
    [FromQuery] public bool Saved { get; set; }

    public sealed class SettingsInput
    {
        [Required(ErrorMessage = "Select whether allocation waits for mentors to be ready")]
        public bool? AllocationWaitsForReadiness { get; set; }

        [StringLength(PreparationSettings.SafeguardingContactMaxLength, ErrorMessage = "The safeguarding contact must be 300 characters or fewer")]
        public string? SafeguardingContact { get; set; }

        [Required(ErrorMessage = "Select whether a certificate needs every preparation module")]
        public bool? CertificateNeedsPreparation { get; set; }

        [Required(ErrorMessage = "Enter the fewest sessions a mentor must hold for a certificate")]
        [Range(0, 24, ErrorMessage = "The fewest sessions must be between 0 and 24")]
        public int? CertificateMinimumSessions { get; set; }

        [Required(ErrorMessage = "Select whether a certificate needs the last questionnaire answered")]
        public bool? CertificateNeedsEvaluation { get; set; }

        /// <summary>Left as it was when the form does not send it (the form always does: its radios start chosen).</summary>
        public bool? ColleagueInputEnabled { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var s = await db.PreparationSettings.AsNoTracking().SingleOrDefaultAsync(s => s.ProgrammeId == ProgrammeId, ct) ?? PreparationSettings.DefaultFor(ProgrammeId);
        Input = new SettingsInput
        {
            AllocationWaitsForReadiness = s.AllocationWaitsForReadiness, SafeguardingContact = s.SafeguardingContact,
            CertificateNeedsPreparation = s.CertificateNeedsPreparation, CertificateMinimumSessions = s.CertificateMinimumSessions, CertificateNeedsEvaluation = s.CertificateNeedsEvaluation,
            ColleagueInputEnabled = s.ColleagueInputEnabled,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // A tampered yes/no or a word for a number gets our message, not the framework's.
        foreach (var key in ModelState.Keys.Where(k => ModelState[k]!.Errors.Any(e => e.Exception is not null || e.ErrorMessage.Contains("is not valid", StringComparison.Ordinal))).ToList())
        {
            ModelState[key]!.Errors.Clear();
            ModelState.AddModelError(key, key.EndsWith("Sessions", StringComparison.Ordinal) ? "Enter the fewest sessions as a whole number, like 1" : "Select yes or no");
        }
        if (!ModelState.IsValid) return Page();
        var settings = await db.PreparationSettings.SingleOrDefaultAsync(s => s.ProgrammeId == ProgrammeId, ct);
        if (settings is null) db.PreparationSettings.Add(settings = PreparationSettings.DefaultFor(ProgrammeId));
        var contact = string.IsNullOrWhiteSpace(Input.SafeguardingContact) ? null : Input.SafeguardingContact.Trim();
        var changes = new SettingsChanges()
            .Compare("AllocationWaitsForReadiness", settings.AllocationWaitsForReadiness, Input.AllocationWaitsForReadiness!.Value)
            .Compare("SafeguardingContact", settings.SafeguardingContact, contact)
            .Compare("CertificateNeedsPreparation", settings.CertificateNeedsPreparation, Input.CertificateNeedsPreparation!.Value)
            .Compare("CertificateMinimumSessions", settings.CertificateMinimumSessions, Input.CertificateMinimumSessions!.Value)
            .Compare("CertificateNeedsEvaluation", settings.CertificateNeedsEvaluation, Input.CertificateNeedsEvaluation!.Value)
            .Compare("ColleagueInputEnabled", settings.ColleagueInputEnabled, Input.ColleagueInputEnabled ?? settings.ColleagueInputEnabled);
        settings.AllocationWaitsForReadiness = Input.AllocationWaitsForReadiness!.Value;
        settings.SafeguardingContact = contact;
        settings.CertificateNeedsPreparation = Input.CertificateNeedsPreparation!.Value;
        settings.CertificateMinimumSessions = Input.CertificateMinimumSessions!.Value;
        settings.CertificateNeedsEvaluation = Input.CertificateNeedsEvaluation!.Value;
        settings.ColleagueInputEnabled = Input.ColleagueInputEnabled ?? settings.ColleagueInputEnabled;
        db.Audit(AuditAction.PreparationSettingsChanged, User.UserId(), Programme.OrganisationId, ProgrammeId, $"programme:{ProgrammeId}", changes.ToString());
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Preparation/Settings", new { programmeId = ProgrammeId, saved = "true" });
    }
}

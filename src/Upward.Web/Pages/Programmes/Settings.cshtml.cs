using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Data;
using Upward.Web.Identity;
using Upward.Web.Programmes;

namespace Upward.Web.Pages.Programmes;

/// <summary>The coordinator's programme settings: threshold k, session time limit, time zone, ethics and retention.</summary>
[Requires(ProgrammeCapability.Manage)]
public sealed class SettingsModel(UpwardDbContext db) : ProgrammePageModel
{
    [BindProperty] public SettingsInput Input { get; set; } = new();
    public bool Saved { get; private set; }

    public static readonly IReadOnlyList<TagHelpers.RadioOption> SupervisorRules =
    [
        new(nameof(Core.Allocation.SupervisorRule.Allowed), "Allowed", "As in the published study."),
        new(nameof(Core.Allocation.SupervisorRule.Preferred), "Preferred", "Best-fit allocation favours such pairs."),
        new(nameof(Core.Allocation.SupervisorRule.Forbidden), "Not allowed", "A mentor is never paired with their own supervisor."),
    ];

    public sealed class SettingsInput
    {
        [Required(ErrorMessage = "Enter a name for the programme")]
        [StringLength(200, ErrorMessage = "Programme name must be 200 characters or fewer")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Enter the fewest people a figure may rest on")]
        [Range(2, 50, ErrorMessage = "The fewest people must be between 2 and 50")]
        public int? AnonymityThreshold { get; set; }

        [Required(ErrorMessage = "Enter the session time limit in minutes")]
        [Range(Core.Sessions.SessionRules.ShortestTimeLimit, Core.Sessions.SessionRules.LongestTimeLimit, ErrorMessage = "The session time limit must be between 10 and 480 minutes")]
        public int? SessionTimeLimitMinutes { get; set; }

        [Required(ErrorMessage = "Enter a time zone, like Europe/London")]
        public string? TimeZone { get; set; }

        [StringLength(100, ErrorMessage = "The reference must be 100 characters or fewer")]
        public string? EthicsReference { get; set; }

        [Required(ErrorMessage = "Select the rule on pairing a mentor with their own supervisor")]
        public Core.Allocation.SupervisorRule? SupervisorRule { get; set; }

        [Required(ErrorMessage = "Enter how many mentees each mentor takes")]
        [Range(1, 10, ErrorMessage = "Each mentor takes between 1 and 10 mentees")]
        public int? MenteesPerMentor { get; set; }

        [Required(ErrorMessage = "Enter how many one-to-one sessions each pair holds")]
        [Range(1, 24, ErrorMessage = "Each pair holds between 1 and 24 sessions")]
        public int? SessionsPerPair { get; set; }

        /// <summary>One department per line; participants choose theirs from this list.</summary>
        public string? Departments { get; set; }

        /// <summary>One specialty per line; participants choose theirs from this list.</summary>
        public string? Specialties { get; set; }

        [Required(ErrorMessage = "Enter how many months to keep answers")]
        [Range(1, 240, ErrorMessage = "Months to keep answers must be between 1 and 240")]
        public int? RetentionMonths { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        Input = new SettingsInput
        {
            Name = Programme.Name,
            AnonymityThreshold = Programme.AnonymityThreshold,
            SessionTimeLimitMinutes = Programme.SessionTimeLimitMinutes,
            TimeZone = Programme.TimeZone,
            EthicsReference = Programme.EthicsReference,
            RetentionMonths = Programme.RetentionMonths,
            SupervisorRule = Programme.SupervisorRule,
            MenteesPerMentor = Programme.MenteesPerMentor,
            SessionsPerPair = Programme.SessionsPerPair,
            Departments = string.Join('\n', Programme.Departments),
            Specialties = string.Join('\n', Programme.Specialties),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Input.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(Input.TimeZone.Trim(), out _))
        {
            ModelState.AddModelError("Input.TimeZone", "Enter a time zone Upward knows, like Europe/London");
        }
        var departments = ListFrom("Input.Departments", Input.Departments, "department", "departments");
        var specialties = ListFrom("Input.Specialties", Input.Specialties, "specialty", "specialties");
        if (Input.AnonymityThreshold is { } k && ModelState.GetFieldValidationState("Input.AnonymityThreshold") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && AnonymityThresholdRule.Refusal(Programme.AnonymityThreshold, k, await db.AnonymousFeedbackExistsAsync(Programme.Id, ct)) is { } lowered)
        {
            ModelState.AddModelError("Input.AnonymityThreshold", lowered);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var changes = ProgrammeSettingsAudit.Before(Programme);
        Programme.Departments = [.. departments];
        Programme.Specialties = [.. specialties];
        Programme.Name = Input.Name!.Trim();
        Programme.AnonymityThreshold = Input.AnonymityThreshold!.Value;
        Programme.SessionTimeLimitMinutes = Input.SessionTimeLimitMinutes!.Value;
        Programme.TimeZone = Input.TimeZone!.Trim();
        Programme.EthicsReference = string.IsNullOrWhiteSpace(Input.EthicsReference) ? null : Input.EthicsReference.Trim();
        Programme.RetentionMonths = Input.RetentionMonths!.Value;
        Programme.SupervisorRule = Input.SupervisorRule!.Value;
        Programme.MenteesPerMentor = Input.MenteesPerMentor!.Value;
        Programme.SessionsPerPair = Input.SessionsPerPair!.Value;
        db.Audit(AuditAction.ProgrammeSettingsChanged, User.UserId(), Programme.OrganisationId, Programme.Id, $"programme:{Programme.Id}", changes.After(Programme));
        await db.SaveChangesAsync(ct);
        return RedirectToPage("/Programmes/Settings", new { programmeId = Programme.Id, saved = "true" });
    }

    private IReadOnlyList<string> ListFrom(string key, string? text, string what, string plural)
    {
        var (entries, problem) = ProgrammeLists.Parse(text, what, plural);
        if (problem is not null) ModelState.AddModelError(key, problem);
        return entries;
    }
}

using Microsoft.AspNetCore.Mvc;
using Upward.Core.People;
using Upward.Data;
using Upward.Web.Programmes;
using Upward.Web.TagHelpers;

namespace Upward.Web.Pages.People;

/// <summary>Optional, banded demographics for the participant's own enrolments.</summary>
public sealed class AboutYouModel(UpwardDbContext db) : ParticipationPageModel(db)
{
    [BindProperty] public DemographicBands Input { get; set; } = new();
    public bool Saved { get; private set; }

    /// <summary>A patient or carer mentor is not staff: they are asked no staff group, grade or years in role.</summary>
    public bool IsPatient => MyEnrolments.Any(e => Core.Preparation.PatientMentors.Is(e, Programme.Type));

    /// <summary>The staff group a patient or carer mentor's answers are counted under, since they are not asked it.</summary>
    public const string PatientStaffGroup = "Patient or carer";

    public static IReadOnlyList<RadioOption> OptionsFor(Demographics.Question question) =>
        question.Bands.Select(b => new RadioOption(b, b)).ToList();

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        Input = MyEnrolments[0].Demographics.Copy();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var checkedBands = new DemographicBands
        {
            Gender = Check(Demographics.Gender, Input.Gender, "Input.Gender"),
            AgeBand = Check(Demographics.AgeBand, Input.AgeBand, "Input.AgeBand"),
            StaffGroup = IsPatient ? PatientStaffGroup : Check(Demographics.StaffGroup, Input.StaffGroup, "Input.StaffGroup"),
            Grade = IsPatient ? null : Check(Demographics.Grade, Input.Grade, "Input.Grade"),
            YearsInRole = IsPatient ? null : Check(Demographics.YearsInRole, Input.YearsInRole, "Input.YearsInRole"),
            PriorMentoring = Check(Demographics.PriorMentoring, Input.PriorMentoring, "Input.PriorMentoring"),
        };
        if (!ModelState.IsValid)
        {
            return Page();
        }
        foreach (var enrolment in MyEnrolments)
        {
            enrolment.Demographics = checkedBands.Copy();
        }
        await Db.SaveChangesAsync(ct);
        return RedirectToPage("/People/AboutYou", new { programmeId = Programme.Id, saved = "true" });
    }

    private string? Check(Demographics.Question question, string? value, string key)
    {
        var band = Demographics.Normalise(question, value);
        if (!string.IsNullOrWhiteSpace(value) && band is null)
        {
            ModelState.AddModelError(key, $"Select one of the answers for {question.Label.ToLowerInvariant()}");
        }
        return band;
    }
}

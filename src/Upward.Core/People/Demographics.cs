namespace Upward.Core.People;

/// <summary>The bands each demographic question allows, and the check that a value is one of them.</summary>
public static class Demographics
{
    public sealed record Question(string Key, string Label, IReadOnlyList<string> Bands);

    public static readonly Question Gender = new("gender", "Gender",
        ["Woman", "Man", "Non-binary", "Prefer to self-describe", "Prefer not to say"]);

    public static readonly Question AgeBand = new("age_band", "Age band",
        ["Under 25", "25 to 30", "31 to 40", "41 to 50", "51 to 60", "Over 60", "Prefer not to say"]);

    public static readonly Question StaffGroup = new("staff_group", "Staff group",
        ["Medical and dental", "Nursing and midwifery", "Allied health professional", "Healthcare scientist", "Administrative and clerical", "Estates and ancillary", "Patient or carer", "Other", "Prefer not to say"]);

    public static readonly Question Grade = new("grade", "Grade",
        ["Foundation doctor", "Core or specialty trainee", "Higher specialty trainee", "Clinical or research fellow", "Specialty or associate specialist doctor", "Consultant", "Band 5 or 6", "Band 7", "Band 8 or above", "Not applicable", "Prefer not to say"]);

    public static readonly Question YearsInRole = new("years_in_role", "Years in current role",
        ["Under 1", "1 to 4", "5 to 9", "10 to 20", "Over 20", "Prefer not to say"]);

    public static readonly Question PriorMentoring = new("prior_mentoring", "Has mentored before",
        ["Yes", "No", "Prefer not to say"]);

    public static readonly IReadOnlyList<Question> All = [Gender, AgeBand, StaffGroup, Grade, YearsInRole, PriorMentoring];

    /// <summary>The band exactly as listed, matched without regard to case or surrounding spaces; null if it is not a band.</summary>
    public static string? Normalise(Question question, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        return question.Bands.FirstOrDefault(b => string.Equals(b, value.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}

namespace Upward.Core.Preparation;

/// <summary>Which mentors a preparation module is for.</summary>
public enum ModuleAudience
{
    /// <summary>Every mentor, staff or patient.</summary>
    AllMentors = 0,

    /// <summary>Only mentors who take part as patients or carers.</summary>
    PatientMentors = 1,
}

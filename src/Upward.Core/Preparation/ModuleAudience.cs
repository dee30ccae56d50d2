namespace Upward.Core.Preparation;

/// <summary>Whom a preparation module is for.</summary>
public enum ModuleAudience
{
    /// <summary>Every mentor, staff or patient.</summary>
    AllMentors = 0,

    /// <summary>Only mentors who take part as patients or carers.</summary>
    PatientMentors = 1,

    /// <summary>Mentees (the seniors being mentored): receiving feedback upward. Never part of a mentor's readiness.</summary>
    Mentees = 2,
}

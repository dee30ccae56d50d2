namespace Upward.Core.PhaseOne;

/// <summary>A programme's phase 1 choices, kept beside the programme rather than on it.</summary>
public sealed class PhaseOneSettings
{
    public Guid ProgrammeId { get; init; }
    public FeedbackMode Mode { get; set; } = FeedbackMode.Group;

    /// <summary>Whether a reviewed brief may be released to the mentee it is about (the study gave it only to the delivering mentor).</summary>
    public bool MenteeMaySeeBrief { get; set; }

    /// <summary>Whether mentees may name mentors they would like to meet or would rather not meet.</summary>
    public bool MenteesMayChooseMentors { get; set; }

    /// <summary>The settings a programme has before anyone changes them.</summary>
    public static PhaseOneSettings DefaultFor(Guid programmeId) => new() { ProgrammeId = programmeId };
}

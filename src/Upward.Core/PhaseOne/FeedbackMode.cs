namespace Upward.Core.PhaseOne;

/// <summary>How phase 1 feedback is gathered: the study's facilitated group, or private anonymous contributions.</summary>
public enum FeedbackMode
{
    /// <summary>Mentors meet with a facilitator, who records the group's points and writes the brief.</summary>
    Group = 0,

    /// <summary>Each mentor contributes privately; contributions are stored without their author.</summary>
    Anonymous = 1,
}

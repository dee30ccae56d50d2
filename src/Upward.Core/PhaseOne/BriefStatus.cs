namespace Upward.Core.PhaseOne;

/// <summary>Where a feedback brief is on its way to the people who read it.</summary>
public enum BriefStatus
{
    Draft = 0,
    Reviewed = 1,
    ReleasedToMentor = 2,
    ReleasedToMentee = 3,
}

namespace Upward.Core.PhaseOne;

/// <summary>A mentee's naming of one mentor on one of their lists (would like to meet, would rather not meet).</summary>
public interface IMentorChoice
{
    Guid ProgrammeId { get; init; }
    Guid MenteeEnrolmentId { get; init; }
    Guid MentorEnrolmentId { get; init; }
}

namespace Upward.Core.PhaseOne;

/// <summary>A mentee's wish not to be mentored by one mentor (only where the programme allows it). Never shown to mentors.</summary>
public sealed class MentorDecline : IMentorChoice
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public Guid MenteeEnrolmentId { get; init; }
    public Guid MentorEnrolmentId { get; init; }
}

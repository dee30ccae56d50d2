namespace Upward.Core.PhaseOne;

/// <summary>
/// A mentee's wish to be mentored by one mentor (only where the programme allows it). Best-fit
/// allocation favours it when the coordinator counts mentees' wishes; mentors never see it.
/// </summary>
public sealed class MentorWish : IMentorChoice
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public Guid MenteeEnrolmentId { get; init; }
    public Guid MentorEnrolmentId { get; init; }
}

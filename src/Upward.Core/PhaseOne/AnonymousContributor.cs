namespace Upward.Core.PhaseOne;

/// <summary>
/// That a mentor has contributed about a mentee, and nothing else: no time, no link to what they
/// wrote. It counts distinct contributors towards the threshold and stops anyone contributing twice.
/// </summary>
public sealed class AnonymousContributor
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public Guid MentorEnrolmentId { get; init; }
    public Guid MenteeEnrolmentId { get; init; }
}

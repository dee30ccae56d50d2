namespace Upward.Core.PhaseOne;

/// <summary>
/// "This mentee is this mentor's clinical supervisor", so willingness can flag it. A stand-in until
/// the programme's own relationships (issue 5) exist; the lead reconciles the two.
/// </summary>
public sealed class Supervision
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public Guid MentorEnrolmentId { get; init; }
    public Guid MenteeEnrolmentId { get; init; }
}

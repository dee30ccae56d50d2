namespace Upward.Core.PhaseOne;

/// <summary>
/// One mentor's answer to "would you mentor this mentee?". Never shown to any mentee; the reason
/// is for the coordinator planning the allocation.
/// </summary>
public sealed class Willingness
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public Guid MentorEnrolmentId { get; init; }
    public Guid MenteeEnrolmentId { get; init; }
    public bool Willing { get; set; }
    public string? PrivateReason { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}

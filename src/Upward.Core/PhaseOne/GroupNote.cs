namespace Upward.Core.PhaseOne;

/// <summary>What the group said about one mentee in one domain, as the facilitator recorded it.</summary>
public sealed class GroupNote
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public Guid MenteeEnrolmentId { get; init; }
    public Guid DomainId { get; init; }
    public string Points { get; set; } = "";

    /// <summary>The group's rating out of 5, if it agreed one.</summary>
    public int? Rating { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

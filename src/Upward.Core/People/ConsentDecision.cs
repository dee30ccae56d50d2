namespace Upward.Core.People;

/// <summary>One decision on one purpose, with the version of the text and when; later decisions supersede earlier ones.</summary>
public sealed class ConsentDecision
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid EnrolmentId { get; init; }
    public ConsentPurpose Purpose { get; init; }
    public int TextVersion { get; init; }
    public bool Given { get; init; }
    public DateTime DecidedAtUtc { get; init; }
}

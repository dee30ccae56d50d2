namespace Upward.Core.Programmes;

/// <summary>One area feedback is given on (the study's seven: use of technology, clinical practice …).</summary>
public sealed class ProgrammeDomain
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public int Position { get; set; }
    public required string Name { get; set; }
}

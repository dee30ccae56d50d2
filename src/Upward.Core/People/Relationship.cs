namespace Upward.Core.People;

/// <summary>A declared tie between a mentor and a mentee in one programme.</summary>
public sealed class Relationship
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public Guid MentorEnrolmentId { get; init; }
    public Guid MenteeEnrolmentId { get; init; }
    public RelationshipKind Kind { get; init; }
    public DateTime DeclaredAtUtc { get; init; }
}

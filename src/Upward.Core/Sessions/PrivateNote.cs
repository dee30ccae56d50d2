namespace Upward.Core.Sessions;

/// <summary>
/// A note readable by its author alone: not by the other side of the pair, the coordinator or an
/// administrator. Every query for notes filters on the author; there is no other way to list them.
/// </summary>
public sealed class PrivateNote
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid PairingId { get; init; }
    public Guid AuthorEnrolmentId { get; init; }
    public required string Text { get; set; }
    public DateTime WrittenAtUtc { get; init; }
}

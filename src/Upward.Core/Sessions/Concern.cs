namespace Upward.Core.Sessions;

/// <summary>
/// A concern raised privately by a participant with the programme's lead, outside the pair.
/// Readable by its author and the programme's coordinators only.
/// </summary>
public sealed class Concern
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public Guid RaisedByEnrolmentId { get; init; }
    public required string Text { get; init; }
    public DateTime RaisedAtUtc { get; init; }

    /// <summary>Whether the person asked for their pairing to end (no fault is recorded).</summary>
    public bool AsksToEndPairing { get; init; }
    public DateTime? AcknowledgedAtUtc { get; set; }
}

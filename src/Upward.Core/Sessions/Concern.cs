namespace Upward.Core.Sessions;

/// <summary>
/// A concern raised privately by a participant with the programme's lead, outside the pair:
/// acknowledged, answered and resolved by whoever it was sent to (the coordinators or the named lead),
/// each step seen by the person who raised it. Readable by its author and its readers only.
/// </summary>
public sealed class Concern
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public Guid RaisedByEnrolmentId { get; init; }
    public required string Text { get; init; }
    public DateTime RaisedAtUtc { get; init; }

    /// <summary>Who reads and answers it: the coordinators, or the programme's named lead.</summary>
    public ConcernRoute Route { get; init; }

    /// <summary>Whether the person asked for their pairing to end (no fault is recorded).</summary>
    public bool AsksToEndPairing { get; init; }
    public DateTime? AcknowledgedAtUtc { get; set; }

    /// <summary>The coordinator's answer, which the person who raised it reads in Upward (never by email).</summary>
    public string? Response { get; set; }
    public DateTime? RespondedAtUtc { get; set; }
    public DateTime? ResolvedAtUtc { get; set; }

    public const int TextMaxLength = 4000;

    public ConcernStatus Status =>
        ResolvedAtUtc is not null ? ConcernStatus.Resolved
        : RespondedAtUtc is not null ? ConcernStatus.Answered
        : AcknowledgedAtUtc is not null ? ConcernStatus.Acknowledged
        : ConcernStatus.Raised;

    /// <summary>How the status reads to both the coordinator and the person who raised it.</summary>
    public static string Describe(ConcernStatus status, ConcernRoute route = ConcernRoute.Coordinators) => status switch
    {
        ConcernStatus.Raised => "Not yet read",
        ConcernStatus.Acknowledged => route == ConcernRoute.NamedLead ? "Read by the named lead" : "Read by a coordinator",
        ConcernStatus.Answered => "Answered",
        _ => "Resolved",
    };
}

public enum ConcernStatus
{
    Raised = 0,
    Acknowledged = 1,
    Answered = 2,
    Resolved = 3,
}

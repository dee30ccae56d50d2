namespace Upward.Core.Auditing;

/// <summary>
/// One consequential action, written once and never changed: the database refuses updates and deletes.
/// Holds ids and the action, never free text a person typed, so the log itself leaks nothing.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTime AtUtc { get; init; }
    public Guid? ActorUserId { get; init; }
    public Guid? OrganisationId { get; init; }
    public Guid? ProgrammeId { get; init; }
    public required string Action { get; init; }

    /// <summary>What was acted on, as "kind:id" (for example "user:…").</summary>
    public string? Subject { get; init; }

    /// <summary>
    /// What changed, where the action is a change of settings: "AnonymityThreshold: 3 → 4; …", old
    /// and new values of the programme's settings (never a participant's words).
    /// </summary>
    public string? Detail { get; init; }

    public const int DetailLimit = 4000;
}

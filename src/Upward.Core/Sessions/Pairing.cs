namespace Upward.Core.Sessions;

/// <summary>A mentor and a mentee paired for the one-to-one phase, from an allocation or by hand.</summary>
public sealed class Pairing
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public Guid MentorEnrolmentId { get; init; }
    public Guid MenteeEnrolmentId { get; init; }
    public DateTime CreatedAtUtc { get; init; }

    /// <summary>The longest <see cref="Reason"/> the database holds.</summary>
    public const int ReasonMaxLength = 500;

    /// <summary>Why the pair was made, in plain English (shown to the coordinator, never to the pair).</summary>
    public string Reason { get; set; } = "";

    /// <summary>What a pairing's reason says once one of the pair withdrew and had what they gave erased.</summary>
    public const string ReasonErased = "Reason removed: one of the pair withdrew and asked for what they gave to be erased.";

    public PairingStatus Status { get; set; } = PairingStatus.Active;
    public DateTime? EndedAtUtc { get; set; }

    public DateTime? MentorAcceptedGroundRulesAtUtc { get; set; }
    public DateTime? MenteeAcceptedGroundRulesAtUtc { get; set; }

    public bool GroundRulesAccepted => MentorAcceptedGroundRulesAtUtc is not null && MenteeAcceptedGroundRulesAtUtc is not null;
}

public enum PairingStatus
{
    Active = 0,

    /// <summary>Ended without fault, through the coordinator; the pair may be re-paired.</summary>
    Ended = 1,
}

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

    /// <summary>Who ended it; never why. Any of the three may, and nobody is at fault.</summary>
    public PairingEndedBy? EndedBy { get; set; }

    /// <summary>Each side's private answer after a session: carry on, or would like to change. The coordinator sees it; the other side never does.</summary>
    public PairFit? MentorFit { get; set; }
    public PairFit? MenteeFit { get; set; }

    public PairFit? FitOf(SessionSide side) => side == SessionSide.Mentor ? MentorFit : MenteeFit;

    public void SetFit(SessionSide side, PairFit fit)
    {
        if (side == SessionSide.Mentor) MentorFit = fit;
        else MenteeFit = fit;
    }

    /// <summary>Ends the pairing without fault; false if it had already ended.</summary>
    public bool End(PairingEndedBy by, DateTime nowUtc)
    {
        if (Status == PairingStatus.Ended) return false;
        Status = PairingStatus.Ended;
        EndedAtUtc = nowUtc;
        EndedBy = by;
        return true;
    }

    public DateTime? MentorAcceptedGroundRulesAtUtc { get; set; }
    public DateTime? MenteeAcceptedGroundRulesAtUtc { get; set; }

    /// <summary>Which version of the programme's ground rules each side accepted (0: the built-in rules).</summary>
    public int? MentorAcceptedGroundRulesVersion { get; set; }
    public int? MenteeAcceptedGroundRulesVersion { get; set; }

    /// <summary>Whether both sides have accepted the ground rules in force (<paramref name="version"/>) or a later one.</summary>
    public bool GroundRulesAccepted(int version) => AcceptedBy(SessionSide.Mentor, version) && AcceptedBy(SessionSide.Mentee, version);

    public bool AcceptedBy(SessionSide side, int version) => side == SessionSide.Mentor
        ? MentorAcceptedGroundRulesAtUtc is not null && (MentorAcceptedGroundRulesVersion ?? 0) >= version
        : MenteeAcceptedGroundRulesAtUtc is not null && (MenteeAcceptedGroundRulesVersion ?? 0) >= version;

    public void AcceptGroundRules(SessionSide side, int version, DateTime nowUtc)
    {
        if (AcceptedBy(side, version)) return;
        if (side == SessionSide.Mentor) (MentorAcceptedGroundRulesAtUtc, MentorAcceptedGroundRulesVersion) = (nowUtc, version);
        else (MenteeAcceptedGroundRulesAtUtc, MenteeAcceptedGroundRulesVersion) = (nowUtc, version);
    }
}

public enum PairingStatus
{
    Active = 0,

    /// <summary>Ended without fault, by either side or the coordinator; each may be paired again with someone else.</summary>
    Ended = 1,
}

public enum PairFit
{
    Continue = 0,
    WouldLikeToChange = 1,
}

public enum PairingEndedBy
{
    Coordinator = 0,
    Mentor = 1,
    Mentee = 2,
}

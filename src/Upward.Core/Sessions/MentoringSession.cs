namespace Upward.Core.Sessions;

/// <summary>
/// One meeting of a pair: proposed, agreed, then held (or cancelled); or recorded after the fact,
/// when the pair arranged it elsewhere (over Teams, by email). Never recorded as audio or video.
/// </summary>
public sealed class MentoringSession
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid PairingId { get; init; }
    public int Number { get; init; }

    public DateTime StartsAtUtc { get; set; }
    public int TimeLimitMinutes { get; set; }

    /// <summary>A room or a video link; shown to the pair only.</summary>
    public string Place { get; set; } = "";

    public SessionStatus Status { get; set; } = SessionStatus.Proposed;
    public SessionSide ProposedBy { get; set; }
    public DateTime? AgreedAtUtc { get; set; }

    /// <summary>Raised on every change so calendar clients replace the earlier invitation.</summary>
    public int CalendarSequence { get; set; }

    /// <summary>Entered after the meeting rather than agreed here beforehand.</summary>
    public bool RecordedAfterwards { get; init; }

    public HowMet? HowMet { get; set; }

    public int? MinutesTaken { get; set; }

    /// <summary>Why it went past its time limit, asked only when it did: the limit is a guide, not a rule.</summary>
    public string? OverTimeReason { get; set; }
    public TimeFelt? TimeFelt { get; set; }
    public DateTime? HeldRecordedAtUtc { get; set; }
}

public enum SessionStatus
{
    Proposed = 0,
    Agreed = 1,
    Held = 2,
    Cancelled = 3,
}

/// <summary>Which side of a pair did something.</summary>
public enum SessionSide
{
    Mentor = 0,
    Mentee = 1,
}

/// <summary>The study's question: did the time feel too short, about right or too long?</summary>
public enum TimeFelt
{
    TooShort = 0,
    AboutRight = 1,
    TooLong = 2,
}

/// <summary>How a pair met for a session.</summary>
public enum HowMet
{
    InPerson = 0,
    Video = 1,
    Phone = 2,
}

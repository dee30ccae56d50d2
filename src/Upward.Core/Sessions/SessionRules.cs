namespace Upward.Core.Sessions;

/// <summary>What may happen to a session, and when; pages ask here rather than deciding themselves.</summary>
public static class SessionRules
{
    public const int MinMinutes = 1;
    public const int MaxMinutes = 600;

    /// <summary>Only the side that did not propose a time may agree it.</summary>
    public static bool CanAgree(MentoringSession session, SessionSide side) =>
        session.Status == SessionStatus.Proposed && session.ProposedBy != side;

    /// <summary>A held session is recorded once its agreed start has passed.</summary>
    public static bool CanRecordHeld(MentoringSession session, DateTime nowUtc) =>
        session.Status == SessionStatus.Agreed && session.StartsAtUtc <= nowUtc;

    /// <summary>Whether this pair may add another session: fewer held than the programme plans, and none already planned.</summary>
    public static bool CanAddSession(IReadOnlyCollection<MentoringSession> sessions, int sessionsPerPair) =>
        CheckNewProposal(sessions, sessionsPerPair) is null;

    /// <summary>Whether this pair may record a session held elsewhere: fewer held than the programme plans.</summary>
    public static bool CanRecordAfterwards(IReadOnlyCollection<MentoringSession> sessions, int sessionsPerPair) =>
        sessions.Count(s => s.Status == SessionStatus.Held) < sessionsPerPair;

    /// <summary>A pair plans one session at a time, within the programme's cadence; null when another may be suggested.</summary>
    public static string? CheckNewProposal(IReadOnlyCollection<MentoringSession> sessions, int sessionsPerPair) =>
        sessions.Count(s => s.Status == SessionStatus.Held) >= sessionsPerPair
            ? $"You have held all {SessionSentences.Count(sessionsPerPair, "session", "sessions")} this programme plans"
            : HasPlanned(sessions) ? "There is already a session planned: change or cancel it first" : null;

    /// <summary>A session suggested or agreed and not yet held or cancelled.</summary>
    public static bool HasPlanned(IEnumerable<MentoringSession> sessions) =>
        sessions.Any(s => s.Status is SessionStatus.Proposed or SessionStatus.Agreed);

    /// <summary>The shortest and longest time limit a session or a programme may set, in minutes.</summary>
    public const int ShortestTimeLimit = 10, LongestTimeLimit = 480;

    /// <summary>A time limit is a guide both sides agree, from a short check-in to a long afternoon.</summary>
    public static string? CheckTimeLimit(int minutes) =>
        minutes is < ShortestTimeLimit or > LongestTimeLimit ? $"The time limit must be between {ShortestTimeLimit} and {LongestTimeLimit} minutes" : null;

    public static bool CanChange(MentoringSession session) =>
        session.Status is SessionStatus.Proposed or SessionStatus.Agreed;

    /// <summary>Checks a recorded duration: whole minutes the study could report (its longest was 180).</summary>
    public static string? CheckMinutes(int? minutes) =>
        minutes is null ? "Enter how long the session took, in minutes"
        : minutes < MinMinutes || minutes > MaxMinutes ? $"Enter a number of minutes from {MinMinutes} to {MaxMinutes}"
        : null;

    /// <summary>The longest reason for going over time the database holds.</summary>
    public const int OverTimeReasonMaxLength = 500;

    /// <summary>
    /// The time limit is a guide: going over it is allowed, with a word on why, which the coordinator
    /// and the evaluation can use to judge whether the limit suits the programme.
    /// </summary>
    public static string? CheckOverTime(int? minutes, int timeLimitMinutes, string? reason) =>
        minutes is { } m && m > timeLimitMinutes && string.IsNullOrWhiteSpace(reason)
            ? $"Say briefly why the session went past its time limit of {timeLimitMinutes} minutes"
            : reason is { Length: > OverTimeReasonMaxLength }
                ? $"The reason must be {OverTimeReasonMaxLength} characters or fewer"
                : null;

    /// <summary>A session recorded afterwards has already started: its start is not in the future.</summary>
    public static string? CheckRecordedStart(DateTime startUtc, DateTime nowUtc) =>
        startUtc > nowUtc ? "A session you record here must already have happened: use \"Suggest a time\" to plan one" : null;
}

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

    public static bool CanChange(MentoringSession session) =>
        session.Status is SessionStatus.Proposed or SessionStatus.Agreed;

    /// <summary>Checks a recorded duration: whole minutes the study could report (its longest was 180).</summary>
    public static string? CheckMinutes(int? minutes) =>
        minutes is null ? "Enter how long the session took, in minutes"
        : minutes < MinMinutes || minutes > MaxMinutes ? $"Enter a number of minutes from {MinMinutes} to {MaxMinutes}"
        : null;
}

namespace Upward.Core.Sessions;

/// <summary>Sentences about sessions that read correctly for every count ("1 session was", "2 sessions were").</summary>
public static class SessionSentences
{
    public static string Count(int n, string singular, string plural) => $"{n} {(n == 1 ? singular : plural)}";

    /// <summary>
    /// For example "4 of 5 pairs held at least one session: 6 sessions in all, of 10 planned (2 per pair)."
    /// </summary>
    public static string Held(int pairs, int pairsThatMet, int sessionsHeld, int sessionsPerPair) =>
        pairs == 0
            ? "No pairs have been made yet."
            : $"{pairsThatMet} of {Count(pairs, "pair", "pairs")} held at least one session: "
              + $"{Count(sessionsHeld, "session", "sessions")} in all, of {pairs * sessionsPerPair} planned ({sessionsPerPair} per pair).";

    /// <summary>For the pair's page: "This programme plans 1 session" or "…3 sessions".</summary>
    public static string Plan(int sessionsPerPair, int timeLimitMinutes) =>
        $"This programme plans {Count(sessionsPerPair, "session", "sessions")}, of up to {timeLimitMinutes} minutes each as a guide.";
}

using Upward.Core.Programmes;

namespace Upward.Core.People;

/// <summary>Reads a participant's consent history: the latest decision on each purpose is the one in force.</summary>
public static class Consent
{
    /// <summary>The decision in force for each purpose decided so far.</summary>
    public static IReadOnlyDictionary<ConsentPurpose, ConsentDecision> InForce(IEnumerable<ConsentDecision> history) =>
        history.GroupBy(d => d.Purpose)
            .ToDictionary(g => g.Key, g => g.OrderBy(d => d.DecidedAtUtc).ThenBy(d => d.TextVersion).Last());

    public static bool IsGiven(IEnumerable<ConsentDecision> history, ConsentPurpose purpose) =>
        InForce(history).TryGetValue(purpose, out var decision) && decision.Given;

    /// <summary>The status an enrolment takes after a decision on taking part (a withdrawal is final).</summary>
    public static EnrolmentStatus StatusAfter(EnrolmentStatus current, bool takesPart) =>
        current == EnrolmentStatus.Withdrawn ? EnrolmentStatus.Withdrawn
        : takesPart ? EnrolmentStatus.Consented : EnrolmentStatus.Declined;
}

using Upward.Core.Matching;

namespace Upward.Core.Allocation;

/// <summary>A proposed allocation: each pair with its reason, each mentee left out with why.</summary>
public sealed record AllocationPlan(
    MatchingMode Mode,
    ulong? Seed,
    IReadOnlyList<ProposedPair> Pairs,
    IReadOnlyList<LeftOut> Unmatched);

public sealed record ProposedPair(Guid Mentor, Guid Mentee, string Reason);

public sealed record LeftOut(Guid Mentee, string Reason);

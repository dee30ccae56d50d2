namespace Upward.Core.Matching;

/// <summary>Allocates mentees to mentors in optimal or seeded random mode.</summary>
public static class Matcher
{
    /// <summary>The largest score a pair may get in random mode: 16 bits make ties between allocations rare.</summary>
    internal const int RandomScoreRange = 1 << 16;

    /// <summary>The most mentees matched and, among those allocations, the largest total weight.</summary>
    public static MatchingSolution Optimal(MatchingInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var graph = instance.Graph;
        var weights = instance.PairWeightArray;
        var score = new int[graph.EdgeCount];
        for (var e = 0; e < score.Length; e++)
        {
            score[e] = weights[graph.Pair[e]];
        }
        var order = new int[graph.MenteeCount];
        for (var c = 0; c < order.Length; c++)
        {
            order[c] = c;
        }
        var chosen = MaxWeightAllocation.Solve(graph, score, MatchingInstance.MaxWeight, order);
        return Assemble(instance, MatchingMode.Optimal, null, chosen);
    }

    /// <summary>
    /// A maximum-cardinality allocation drawn at random from <paramref name="seed"/>, ignoring weights.
    /// </summary>
    /// <remarks>
    /// SplitMix64 seeded with <paramref name="seed"/> gives every pair, in input order, a random
    /// 16-bit score (the top 16 bits of one output); the next outputs shuffle the mentees
    /// (Fisher–Yates from the last position down, bounds by <see cref="SplitMix64.NextBelow"/>),
    /// and that order settles ties between equally good allocations. The allocation is the one with the most mentees matched and,
    /// among those, the largest total score, so who is left out depends on the draw and never on
    /// where a mentee appears in the input.
    /// </remarks>
    public static MatchingSolution Random(MatchingInstance instance, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var graph = instance.Graph;
        var generator = new SplitMix64(seed);
        var pairScore = new int[instance.PairCount];
        for (var p = 0; p < pairScore.Length; p++)
        {
            pairScore[p] = (int)(generator.Next() >> 48);
        }
        var score = new int[graph.EdgeCount];
        for (var e = 0; e < score.Length; e++)
        {
            score[e] = pairScore[graph.Pair[e]];
        }
        var order = new int[graph.MenteeCount];
        for (var c = 0; c < order.Length; c++)
        {
            order[c] = c;
        }
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = generator.NextBelow(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        var chosen = MaxWeightAllocation.Solve(graph, score, RandomScoreRange - 1, order);
        return Assemble(instance, MatchingMode.Random, seed, chosen);
    }

    /// <summary>Allocates in the given mode; <paramref name="seed"/> is used only in random mode.</summary>
    public static MatchingSolution Solve(MatchingInstance instance, MatchingMode mode, ulong seed = 0) =>
        mode switch
        {
            MatchingMode.Optimal => Optimal(instance),
            MatchingMode.Random => Random(instance, seed),
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown matching mode"),
        };

    private static MatchingSolution Assemble(MatchingInstance instance, MatchingMode mode, ulong? seed, int[] chosen)
    {
        var graph = instance.Graph;
        var assignments = new List<Assignment>(chosen.Length);
        var unmatched = new List<UnmatchedMentee>();
        for (var c = 0; c < chosen.Length; c++)
        {
            var e = chosen[c];
            if (e >= 0)
            {
                var p = graph.Pair[e];
                assignments.Add(new Assignment(graph.Mentor[e], c, instance.PairWeightArray[p]));
            }
            else
            {
                // The allocation has the most mentees matched, so a willing mentor with room cannot exist.
                var reason = graph.Start[c + 1] > graph.Start[c]
                    ? UnmatchedReason.AllWillingMentorsFull
                    : UnmatchedReason.NobodyWilling;
                unmatched.Add(new UnmatchedMentee(c, reason));
            }
        }
        return new MatchingSolution(instance, mode, seed, assignments, unmatched);
    }
}

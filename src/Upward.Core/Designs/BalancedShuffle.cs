using Upward.Core.Matching;

namespace Upward.Core.Designs;

/// <summary>
/// The one seeded draw behind every design: <c>count</c> places are labelled with groups 1 to
/// <c>groups</c> as evenly as possible (the first groups take the odd ones out), then the labels are
/// shuffled by Fisher–Yates from the last place down with SplitMix64. A waitlist's two arms are two
/// groups, a stepped wedge's steps are its groups; the same count, groups and seed give the same
/// labels on every machine.
/// </summary>
public static class BalancedShuffle
{
    /// <summary>A group number (1-based) for each of <paramref name="count"/> places, in their order.</summary>
    public static int[] Groups(int count, int groups, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        var labels = new int[count];
        int size = count / groups, extra = count % groups, place = 0;
        for (int g = 1; g <= groups; g++)
        {
            int n = size + (g <= extra ? 1 : 0);
            for (int i = 0; i < n; i++) labels[place++] = g;
        }
        var random = new SplitMix64(seed);
        for (int i = count - 1; i > 0; i--)
        {
            int j = random.NextBelow(i + 1);
            (labels[i], labels[j]) = (labels[j], labels[i]);
        }
        return labels;
    }
}

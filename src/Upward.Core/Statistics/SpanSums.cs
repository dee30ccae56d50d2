using System.Numerics;

namespace Upward.Core.Statistics;

/// <summary>Element-wise addition of count arrays, the inner loop of every exact distribution here.</summary>
internal static class SpanSums
{
    /// <summary>target[i] += source[i] for every i; the spans must not overlap.</summary>
    public static void AddInto(Span<double> target, ReadOnlySpan<double> source)
    {
        if (source.Length != target.Length)
        {
            throw new ArgumentException("The spans must have the same length.", nameof(source));
        }
        int width = Vector<double>.Count;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i + width <= target.Length; i += width)
            {
                (new Vector<double>(target.Slice(i, width)) + new Vector<double>(source.Slice(i, width))).CopyTo(target.Slice(i, width));
            }
        }
        for (; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }
}

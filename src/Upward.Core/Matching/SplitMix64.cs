namespace Upward.Core.Matching;

/// <summary>
/// The SplitMix64 generator (Steele, Lea and Flood, OOPSLA 2014), written out here so that a stored
/// seed reproduces the same allocation on every platform and every future .NET version.
/// </summary>
/// <remarks>System.Random's algorithm is not specified and has changed before, so it cannot be trusted with a seed.</remarks>
public struct SplitMix64(ulong seed)
{
    private ulong state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, bound), by Lemire's multiply-and-reject method so there is no bias.</summary>
    public int NextBelow(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var range = (ulong)bound;
        var high = Math.BigMul(Next(), range, out var low);
        if (low < range)
        {
            var threshold = (0UL - range) % range;
            while (low < threshold)
            {
                high = Math.BigMul(Next(), range, out low);
            }
        }
        return (int)high;
    }
}

namespace Upward.Core.Statistics;

/// <summary>Complete-case pairing: keeps only participants with both a before and an after score.</summary>
public static class CompletePairs
{
    /// <summary>Drops every pair with a missing score on either side, keeping the order of the rest.</summary>
    /// <exception cref="ArgumentException">The series differ in length.</exception>
    public static (double[] Pre, double[] Post) Keep(IReadOnlyList<double?> pre, IReadOnlyList<double?> post)
    {
        ArgumentNullException.ThrowIfNull(pre);
        ArgumentNullException.ThrowIfNull(post);
        if (pre.Count != post.Count)
        {
            throw new ArgumentException($"Before and after must pair up: {pre.Count} scores before, {post.Count} after.", nameof(post));
        }
        var keptPre = new List<double>(pre.Count);
        var keptPost = new List<double>(pre.Count);
        for (int i = 0; i < pre.Count; i++)
        {
            if (pre[i] is double before && post[i] is double after)
            {
                keptPre.Add(before);
                keptPost.Add(after);
            }
        }
        return ([.. keptPre], [.. keptPost]);
    }
}

using System.Runtime.CompilerServices;

namespace Upward.Core.Matching;

/// <summary>The usable pairs in compressed rows by mentee, and each mentor's usable places.</summary>
/// <remarks>
/// A pair whose mentor has no capacity can never be chosen, so it is left out here; that also
/// makes it count for nothing in the unmatched reasons, as the reasons are defined.
/// Flat int arrays rather than per-pair objects keep a million pairs cheap to walk.
/// </remarks>
internal sealed class PairGraph
{
    // Run once per command on big inputs: compile optimised at once rather than waiting for tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PairGraph(MatchingInstance instance)
    {
        var mentors = instance.PairMentorArray;
        var mentees = instance.PairMenteeArray;
        var capacities = instance.CapacityArray;
        MentorCount = capacities.Length;
        MenteeCount = instance.MenteeIdArray.Length;
        var pairCount = mentors.Length;

        // Group every pair by mentee, stable so each group keeps input order; a repeat is then
        // the second sighting of a mentor within one mentee's group.
        var allStart = new int[MenteeCount + 1];
        foreach (var c in mentees)
        {
            allStart[c + 1]++;
        }
        for (var c = 0; c < MenteeCount; c++)
        {
            allStart[c + 1] += allStart[c];
        }
        var order = new int[pairCount];
        var fill = allStart.AsSpan(0, MenteeCount).ToArray();
        for (var p = 0; p < pairCount; p++)
        {
            order[fill[mentees[p]]++] = p;
        }
        RejectRepeatedPairs(instance, allStart, order);

        // Keep only pairs whose mentor has places, still grouped by mentee in input order.
        Start = new int[MenteeCount + 1];
        var usable = 0;
        for (var c = 0; c < MenteeCount; c++)
        {
            Start[c] = usable;
            for (var k = allStart[c]; k < allStart[c + 1]; k++)
            {
                if (capacities[mentors[order[k]]] > 0)
                {
                    order[usable++] = order[k];
                }
            }
        }
        Start[MenteeCount] = usable;
        Pair = order.AsSpan(0, usable).ToArray();
        Mentor = new int[usable];
        var degree = new int[MentorCount];
        for (var e = 0; e < usable; e++)
        {
            Mentor[e] = mentors[Pair[e]];
            degree[Mentor[e]]++;
        }

        // A mentor can never take more mentees than are willing, so a huge capacity costs no memory.
        SlotStart = new int[MentorCount + 1];
        for (var r = 0; r < MentorCount; r++)
        {
            SlotStart[r + 1] = SlotStart[r] + Math.Min(capacities[r], degree[r]);
        }
    }

    /// <summary>The number of mentors.</summary>
    public int MentorCount { get; }

    /// <summary>The number of mentees.</summary>
    public int MenteeCount { get; }

    /// <summary>Mentee c's usable pairs are the edges Start[c] to Start[c + 1] - 1.</summary>
    public int[] Start { get; }

    /// <summary>The mentor of each edge.</summary>
    public int[] Mentor { get; }

    /// <summary>The input pair index of each edge.</summary>
    public int[] Pair { get; }

    /// <summary>Mentor r's places are slots SlotStart[r] to SlotStart[r + 1] - 1.</summary>
    public int[] SlotStart { get; }

    /// <summary>The number of usable edges.</summary>
    public int EdgeCount => Mentor.Length;

    // Run once per command on big inputs: compile optimised at once rather than waiting for tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RejectRepeatedPairs(MatchingInstance instance, int[] allStart, int[] order)
    {
        var mentors = instance.PairMentorArray;
        var seenBy = new int[instance.MentorIdArray.Length];
        var seenAt = new int[instance.MentorIdArray.Length];
        Array.Fill(seenBy, -1);
        var repeat = int.MaxValue;
        var first = -1;
        for (var c = 0; c < allStart.Length - 1; c++)
        {
            for (var k = allStart[c]; k < allStart[c + 1]; k++)
            {
                var p = order[k];
                var r = mentors[p];
                if (seenBy[r] == c)
                {
                    // Report the earliest repeat in input order, whichever mentee it belongs to.
                    if (p < repeat)
                    {
                        repeat = p;
                        first = seenAt[r];
                    }
                }
                else
                {
                    seenBy[r] = c;
                    seenAt[r] = p;
                }
            }
        }
        if (first >= 0)
        {
            var r = mentors[repeat];
            var c = instance.PairMenteeArray[repeat];
            throw new MatchingInputException(
                $"pairs[{repeat}]: mentor '{instance.MentorIdArray[r]}' and mentee '{instance.MenteeIdArray[c]}' " +
                $"are already paired at pairs[{first}]");
        }
    }
}

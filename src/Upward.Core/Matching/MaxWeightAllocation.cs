using System.Runtime.CompilerServices;

namespace Upward.Core.Matching;

/// <summary>
/// Finds an allocation with the most mentees matched and, among those, the largest total score,
/// by the Hungarian method for bipartite b-matching: mentees join one at a time and each runs one
/// Dijkstra search over reduced costs.
/// </summary>
/// <remarks>
/// Lexicographic objective: every pair is worth K + score with K greater than the largest possible
/// total score, so one more mentee matched always outweighs any change in score, and a plain
/// maximum-weight allocation is the lexicographic optimum.
///
/// Invariants (linear-programming duals y per mentee, z per mentor, both ≥ 0):
/// y[c] + z[r] ≥ K + score for every usable pair; equality on chosen pairs; y[c] &gt; 0 only if c is
/// matched; z[r] &gt; 0 only if r is full. These are the optimality conditions of the allocation
/// among the mentees added so far. Adding mentee j, the best new allocation differs from the old one
/// by one alternating path from j that ends either at a mentor with a free place (one more mentee
/// matched) or at a matched mentee who gives up their mentor (same count, more score). The search
/// finds the cheapest such path in reduced costs, which are never negative by the invariant, then
/// shifts the duals so the invariant holds again. Each search stops as soon as it settles its
/// target, so with plenty of places most mentees are placed after looking at their own pairs only.
/// </remarks>
internal sealed class MaxWeightAllocation
{
    private const long Unreached = long.MaxValue;

    private readonly PairGraph graph;
    private readonly int[] score;
    private readonly long lexicographicBonus;

    private readonly long[] menteeDual;
    private readonly long[] mentorDual;
    private readonly int[] matchedEdge;
    private readonly int[] menteeSlot;
    private readonly int[] slotMentee;
    private readonly int[] load;

    // Search scratch, reset through the touched list so a search costs only what it visits.
    private readonly long[] distance;
    private readonly int[] parentEdge;
    private readonly int[] parentMentee;
    private readonly bool[] settled;
    private readonly List<int> touched = [];
    private readonly List<int> settledOrder = [];
    private readonly MentorHeap heap;

    private MaxWeightAllocation(PairGraph graph, int[] score, int maxScore)
    {
        this.graph = graph;
        this.score = score;
        var mentees = graph.MenteeCount;
        var mentors = graph.MentorCount;

        var reachable = 0;
        for (var c = 0; c < mentees; c++)
        {
            if (graph.Start[c + 1] > graph.Start[c])
            {
                reachable++;
            }
        }
        long mostMatched = Math.Min(reachable, graph.SlotStart[mentors]);
        lexicographicBonus = checked(maxScore * mostMatched + 1);
        // The sum of every chosen pair's worth must fit with room to spare for the dual arithmetic.
        _ = checked((lexicographicBonus + maxScore) * (mostMatched + 1) * 4);

        menteeDual = new long[mentees];
        mentorDual = new long[mentors];
        matchedEdge = new int[mentees];
        Array.Fill(matchedEdge, -1);
        menteeSlot = new int[mentees];
        slotMentee = new int[graph.SlotStart[mentors]];
        load = new int[mentors];
        distance = new long[mentors];
        Array.Fill(distance, Unreached);
        parentEdge = new int[mentors];
        parentMentee = new int[mentors];
        settled = new bool[mentors];
        heap = new MentorHeap();
    }

    /// <summary>Allocates, adding mentees in the given order; returns each mentee's chosen edge or -1.</summary>
    /// <param name="graph">The usable pairs.</param>
    /// <param name="score">Each edge's score, 0 to <paramref name="maxScore"/>.</param>
    /// <param name="maxScore">The largest score any edge may have.</param>
    /// <param name="order">The order mentees are added; it only breaks ties between equal optima.</param>
    public static int[] Solve(PairGraph graph, int[] score, int maxScore, int[] order)
    {
        var allocation = new MaxWeightAllocation(graph, score, maxScore);
        foreach (var mentee in ByBestScore(graph, score, maxScore, order))
        {
            allocation.Add(mentee);
        }
        return allocation.matchedEdge;
    }

    /// <summary>The order, stably re-sorted so mentees with the best pairs come first.</summary>
    /// <remarks>
    /// When places are short, a mentee added late with a strong pair displaces someone, and every
    /// displacement costs a search; adding strong claims first makes displacements rare. Any order
    /// gives an optimum, so this changes speed and, among equal optima, which one is returned.
    /// </remarks>
    private static int[] ByBestScore(PairGraph graph, int[] score, int maxScore, int[] order)
    {
        var best = new int[graph.MenteeCount];
        var count = new int[maxScore + 3];
        for (var c = 0; c < best.Length; c++)
        {
            var top = -1;
            for (var e = graph.Start[c]; e < graph.Start[c + 1]; e++)
            {
                top = Math.Max(top, score[e]);
            }
            // Bucket maxScore - top, so the best come first; mentees with no pair (top = -1) go last.
            best[c] = maxScore - top;
            count[best[c] + 1]++;
        }
        for (var b = 1; b < count.Length; b++)
        {
            count[b] += count[b - 1];
        }
        var sorted = new int[order.Length];
        foreach (var c in order)
        {
            sorted[count[best[c]]++] = c;
        }
        return sorted;
    }

    private long Worth(int edge) => lexicographicBonus + score[edge];

    // Run once per command on big inputs: compile optimised at once rather than waiting for tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(int root)
    {
        var start = graph.Start[root];
        var end = graph.Start[root + 1];
        if (start == end)
        {
            return;
        }

        // The smallest feasible dual for the newcomer; its best pairs are then tight.
        var mentorOf = graph.Mentor;
        long best = 0;
        var bestEdge = -1;
        var bestHasRoom = false;
        for (var e = start; e < end; e++)
        {
            var r = mentorOf[e];
            var value = Worth(e) - mentorDual[r];
            var hasRoom = load[r] < Capacity(r);
            if (value > best || (value == best && hasRoom && !bestHasRoom))
            {
                best = value;
                bestEdge = e;
                bestHasRoom = hasRoom;
            }
        }
        menteeDual[root] = best;
        if (best == 0)
        {
            // Every willing mentor is full and worth more to the mentees they already have.
            return;
        }
        if (bestHasRoom)
        {
            // The common case with places to spare: a tight pair to a mentor with room needs no search.
            Place(root, bestEdge, mentorOf[bestEdge]);
            return;
        }
        Search(root, start, end);
    }

    private int Capacity(int mentor) => graph.SlotStart[mentor + 1] - graph.SlotStart[mentor];

    // Run once per command on big inputs: compile optimised at once rather than waiting for tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Search(int root, int start, int end)
    {
        var mentorOf = graph.Mentor;
        var menteeStart = graph.Start;
        var slotStart = graph.SlotStart;

        // The root may also give up: that costs its whole dual.
        var dropCost = menteeDual[root];
        var dropMentee = root;
        for (var e = start; e < end; e++)
        {
            Relax(mentorOf[e], menteeDual[root] + mentorDual[mentorOf[e]] - Worth(e), root, e);
        }

        var target = -1;
        var reach = dropCost;
        while (heap.Count > 0)
        {
            var (d, r) = heap.Pop();
            if (settled[r] || d != distance[r])
            {
                continue;
            }
            if (d > dropCost)
            {
                break;
            }
            settled[r] = true;
            settledOrder.Add(r);
            var from = slotStart[r];
            var to = slotStart[r + 1];
            if (from + load[r] < to)
            {
                target = r;
                reach = d;
                break;
            }
            for (var s = from; s < to; s++)
            {
                var c = slotMentee[s];
                var dual = menteeDual[c];
                if (d + dual < dropCost)
                {
                    dropCost = d + dual;
                    dropMentee = c;
                }
                var own = matchedEdge[c];
                for (var e = menteeStart[c]; e < menteeStart[c + 1]; e++)
                {
                    var next = mentorOf[e];
                    if (e == own || settled[next])
                    {
                        continue;
                    }
                    // A mentor no nearer than the cheapest drop can never be the target: skip the heap.
                    var through = d + dual + mentorDual[next] - Worth(e);
                    if (through < dropCost)
                    {
                        Relax(next, through, c, e);
                    }
                }
            }
        }
        if (target < 0)
        {
            reach = dropCost;
        }

        // Shift the duals by how far short of the target each settled vertex stopped.
        menteeDual[root] -= reach;
        foreach (var r in settledOrder)
        {
            var shift = reach - distance[r];
            if (shift == 0 || r == target)
            {
                continue;
            }
            mentorDual[r] += shift;
            for (var s = slotStart[r]; s < slotStart[r + 1]; s++)
            {
                menteeDual[slotMentee[s]] -= shift;
            }
        }

        if (target >= 0)
        {
            Place(parentMentee[target], parentEdge[target], target);
        }
        else if (dropMentee != root)
        {
            // The dropped mentee's place passes back along the path to the root.
            var mentor = mentorOf[matchedEdge[dropMentee]];
            matchedEdge[dropMentee] = -1;
            Move(parentMentee[mentor], parentEdge[mentor], menteeSlot[dropMentee]);
        }

        foreach (var r in touched)
        {
            distance[r] = Unreached;
            settled[r] = false;
        }
        touched.Clear();
        settledOrder.Clear();
        heap.Clear();
    }

    /// <summary>Gives mentee a new place with a mentor who has room.</summary>
    private void Place(int mentee, int edge, int mentor)
    {
        var slot = graph.SlotStart[mentor] + load[mentor];
        load[mentor]++;
        Move(mentee, edge, slot);
    }

    /// <summary>Moves mentee into slot, and each mentee displaced on the way into the place left behind.</summary>
    private void Move(int mentee, int edge, int slot)
    {
        while (true)
        {
            var oldEdge = matchedEdge[mentee];
            var oldSlot = menteeSlot[mentee];
            matchedEdge[mentee] = edge;
            menteeSlot[mentee] = slot;
            slotMentee[slot] = mentee;
            if (oldEdge < 0)
            {
                return;
            }
            var left = graph.Mentor[oldEdge];
            slot = oldSlot;
            mentee = parentMentee[left];
            edge = parentEdge[left];
        }
    }

    private void Relax(int mentor, long d, int mentee, int edge)
    {
        if (d < distance[mentor])
        {
            if (distance[mentor] == Unreached)
            {
                touched.Add(mentor);
            }
            distance[mentor] = d;
            parentEdge[mentor] = edge;
            parentMentee[mentor] = mentee;
            heap.Push(d, mentor);
        }
    }
}

using Upward.Core.Matching;

namespace Upward.Core.Tests.Matching;

/// <summary>Random small instances and an exhaustive solver to check the matcher against.</summary>
internal static class SmallInstances
{
    /// <summary>A random instance small enough to solve by trying every allocation.</summary>
    public static MatchingInstance Generate(ulong seed)
    {
        var random = new SplitMix64(seed);
        var mentorCount = 1 + random.NextBelow(5);
        var menteeCount = 1 + random.NextBelow(7);
        var density = 15 + random.NextBelow(70);
        // Uniform weights, a few repeated values (many ties), or all equal.
        var weightStyle = random.NextBelow(3);
        var capacities = Enumerable.Range(0, mentorCount).Select(_ => random.NextBelow(4)).ToArray();
        var mentors = new List<int>();
        var mentees = new List<int>();
        var weights = new List<int>();
        for (var c = 0; c < menteeCount; c++)
        {
            for (var r = 0; r < mentorCount; r++)
            {
                if (random.NextBelow(100) < density)
                {
                    mentors.Add(r);
                    mentees.Add(c);
                    weights.Add(weightStyle switch
                    {
                        0 => random.NextBelow(101),
                        1 => 50 * random.NextBelow(3),
                        _ => 7,
                    });
                }
            }
        }
        // Shuffle the pair order so that grouping by mentee is exercised.
        var order = Enumerable.Range(0, mentors.Count).ToArray();
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = random.NextBelow(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return new MatchingInstance(
            Enumerable.Range(0, mentorCount).Select(r => $"r{r}").ToArray(),
            capacities,
            Enumerable.Range(0, menteeCount).Select(c => $"c{c}").ToArray(),
            order.Select(i => mentors[i]).ToArray(),
            order.Select(i => mentees[i]).ToArray(),
            order.Select(i => weights[i]).ToArray());
    }

    /// <summary>The lexicographic optimum (mentees matched, then total weight) by trying every allocation.</summary>
    public static (int Matched, long TotalWeight) Exhaustive(MatchingInstance instance)
    {
        var left = instance.MentorCapacities.ToArray();
        var byMentee = Enumerable.Range(0, instance.MenteeIds.Count)
            .Select(c => Enumerable.Range(0, instance.PairCount).Where(p => instance.PairMentees[p] == c).ToArray())
            .ToArray();
        var best = (Matched: 0, TotalWeight: 0L);

        void Visit(int mentee, int matched, long weight)
        {
            if (mentee == byMentee.Length)
            {
                if (matched > best.Matched || (matched == best.Matched && weight > best.TotalWeight))
                {
                    best = (matched, weight);
                }
                return;
            }
            Visit(mentee + 1, matched, weight);
            foreach (var p in byMentee[mentee])
            {
                var r = instance.PairMentors[p];
                if (left[r] > 0)
                {
                    left[r]--;
                    Visit(mentee + 1, matched + 1, weight + instance.PairWeights[p]);
                    left[r]++;
                }
            }
        }

        Visit(0, 0, 0);
        return best;
    }
}

using Upward.Core.Matching;

namespace Upward.Core.Tests.Matching;

/// <summary>Checks a solution against the hard rules, independently of how it was found.</summary>
internal static class AllocationRules
{
    public static void AssertValid(MatchingInstance instance, MatchingSolution solution)
    {
        var allowed = new Dictionary<(int, int), int>();
        for (var p = 0; p < instance.PairCount; p++)
        {
            allowed.Add((instance.PairMentors[p], instance.PairMentees[p]), instance.PairWeights[p]);
        }
        var taken = new int[instance.MentorIds.Count];
        var placed = new bool[instance.MenteeIds.Count];
        long total = 0;
        var previousMentee = -1;
        foreach (var a in solution.Assignments)
        {
            Assert.True(allowed.TryGetValue((a.Mentor, a.Mentee), out var weight), $"pair {a.Mentor}-{a.Mentee} is not allowed");
            Assert.Equal(weight, a.Weight);
            Assert.False(placed[a.Mentee], $"mentee {a.Mentee} has two mentors");
            placed[a.Mentee] = true;
            taken[a.Mentor]++;
            Assert.True(taken[a.Mentor] <= instance.MentorCapacities[a.Mentor], $"mentor {a.Mentor} is over capacity");
            Assert.True(a.Mentee > previousMentee, "assignments are in mentee input order");
            previousMentee = a.Mentee;
            total += weight;
        }
        Assert.Equal(total, solution.TotalWeight);
        Assert.Equal(solution.Assignments.Count, solution.Matched);

        // Every mentee is either placed or listed as unmatched, once, with a true reason.
        Assert.Equal(instance.MenteeIds.Count, solution.Matched + solution.Unmatched.Count);
        var previousUnmatched = -1;
        foreach (var u in solution.Unmatched)
        {
            Assert.False(placed[u.Mentee]);
            Assert.True(u.Mentee > previousUnmatched, "unmatched mentees are in input order");
            previousUnmatched = u.Mentee;
            var willing = Enumerable.Range(0, instance.PairCount)
                .Where(p => instance.PairMentees[p] == u.Mentee && instance.MentorCapacities[instance.PairMentors[p]] > 0)
                .Select(p => instance.PairMentors[p])
                .ToList();
            if (willing.Count == 0)
            {
                Assert.Equal(UnmatchedReason.NobodyWilling, u.Reason);
            }
            else
            {
                Assert.Equal(UnmatchedReason.AllWillingMentorsFull, u.Reason);
                Assert.All(willing, r => Assert.Equal(instance.MentorCapacities[r], taken[r]));
            }
        }
    }
}

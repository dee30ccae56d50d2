using Upward.Core.Matching;

namespace Upward.Core.Allocation;

/// <summary>
/// Turns a programme's facts into an allocation with the Core matching engine (never a second
/// algorithm), and says in plain English why each pair was made or could not be.
/// </summary>
public static class AllocationPlanner
{
    /// <summary>Why this mentor may not mentor this mentee, or null when the pair is allowed.</summary>
    public static string? WhyNot(AllocationFacts facts, Guid mentor, Guid mentee)
    {
        if (!facts.Mentors.Contains(mentor)) return "This mentor is not available for allocation";
        if (facts.PlacesLeft(mentor) == 0) return "This mentor already has as many mentees as they can take";
        if (!facts.Mentees.Contains(mentee)) return "This mentee is not available for allocation";
        return WhyNotTheseTwo(facts, mentor, mentee);
    }

    /// <summary>
    /// The mentors who could mentor <paramref name="mentee"/> now: willing, with a place left and no
    /// rule against the pair. What a coordinator re-pairing a mentee whose pairing ended chooses from.
    /// </summary>
    /// <remarks>
    /// The same answer as asking <see cref="WhyNot"/> of every mentor, without its two list searches per
    /// mentor: at 5,000 mentors a page of 25 waiting mentees made 300 million comparisons that way.
    /// </remarks>
    public static IReadOnlyList<Guid> WillingAndFree(AllocationFacts facts, Guid mentee) =>
        facts.Mentees.Contains(mentee)
            ? facts.Mentors.Where(mentor => facts.PlacesLeft(mentor) > 0 && WhyNotTheseTwo(facts, mentor, mentee) is null).ToList()
            : [];

    /// <summary>What stands between a mentor and a mentee who are both taking part in this round.</summary>
    private static string? WhyNotTheseTwo(AllocationFacts facts, Guid mentor, Guid mentee)
    {
        var pair = (mentor, mentee);
        if (!facts.Willing.Contains(pair)) return "This mentor did not say they were willing to mentor this mentee";
        if (facts.Conflicts.Contains(pair)) return "A conflict of interest is declared between them";
        if (facts.DeclinedByMentee.Contains(pair)) return "The mentee asked not to be paired with this mentor";
        if (facts.EndedPairs.Contains(pair)) return "They were paired before and the pairing was ended";
        if (facts.SupervisorRule == SupervisorRule.Forbidden && facts.Supervisions.Contains(pair))
            return "The mentee is this mentor's clinical supervisor, and this programme does not pair them";
        return null;
    }

    /// <param name="considered">What best fit counts besides the programme's supervisor rule; random mode ignores it.</param>
    public static AllocationPlan Plan(AllocationFacts facts, MatchingMode mode, ulong seed, BestFitConsiderations considered = BestFitConsiderations.None)
    {
        var instance = BuildInstance(facts, considered);
        var solution = Matcher.Solve(instance, mode, seed);
        var pairs = solution.Assignments
            .Select(a => (Mentor: facts.Mentors[a.Mentor], Mentee: facts.Mentees[a.Mentee]))
            .Select(p => new ProposedPair(p.Mentor, p.Mentee, ReasonFor(facts, mode, seed, considered, p.Mentor, p.Mentee)))
            .ToList();
        var unmatched = solution.Unmatched
            .Select(u => new LeftOut(facts.Mentees[u.Mentee], u.Reason switch
            {
                UnmatchedReason.NobodyWilling => "No mentor taking mentees this round is willing and free of conflicts to mentor them",
                _ => "Every mentor willing to mentor them already has as many mentees as they can take",
            }))
            .ToList();
        return new AllocationPlan(mode, mode == MatchingMode.Random ? seed : null, pairs, unmatched);
    }

    /// <summary>
    /// The engine's instance: allowed pairs only, each weighted by how well it fits, listed mentee by mentee
    /// and, within a mentee, in mentor order (the order a seed's random allocation depends on).
    /// </summary>
    /// <remarks>
    /// Only a willing pair can be allowed, so the pairs are found from the willingness rather than by asking
    /// of every mentor and mentee: at 2,500 a side that was 6 million questions, each searching both lists,
    /// and a preview took seconds. The same pairs in the same order, so a seed still gives the same allocation.
    /// </remarks>
    public static MatchingInstance BuildInstance(AllocationFacts facts, BestFitConsiderations considered = BestFitConsiderations.None)
    {
        var mentorAt = new Dictionary<Guid, int>();
        for (var r = 0; r < facts.Mentors.Count; r++) mentorAt.TryAdd(facts.Mentors[r], r);
        var menteeAt = new Dictionary<Guid, int>();
        for (var e = 0; e < facts.Mentees.Count; e++) menteeAt.TryAdd(facts.Mentees[e], e);
        var allowed = facts.Willing
            .Where(p => mentorAt.ContainsKey(p.Mentor) && menteeAt.ContainsKey(p.Mentee)
                && facts.PlacesLeft(p.Mentor) > 0 && WhyNotTheseTwo(facts, p.Mentor, p.Mentee) is null)
            .Select(p => (Mentee: menteeAt[p.Mentee], Mentor: mentorAt[p.Mentor]))
            .Order()
            .ToList();
        var mentors = new List<int>(allowed.Count);
        var mentees = new List<int>(allowed.Count);
        var weights = new List<int>(allowed.Count);
        foreach (var (e, r) in allowed)
        {
            mentors.Add(r);
            mentees.Add(e);
            weights.Add(PairFit.For(facts, considered, facts.Mentors[r], facts.Mentees[e]).Weight);
        }
        return new MatchingInstance(
            facts.Mentors.Select(m => m.ToString()).ToArray(),
            facts.Mentors.Select(facts.PlacesLeft).ToArray(),
            facts.Mentees.Select(m => m.ToString()).ToArray(),
            mentors.ToArray(), mentees.ToArray(), weights.ToArray());
    }

    private static string ReasonFor(AllocationFacts facts, MatchingMode mode, ulong seed, BestFitConsiderations considered, Guid mentor, Guid mentee)
    {
        var supervises = facts.Supervisions.Contains((mentor, mentee));
        var willing = supervises ? "The mentor is willing to mentor their own clinical supervisor" : "The mentor said they are willing to mentor this mentee";
        if (mode == MatchingMode.Random)
        {
            return $"{willing}; chosen at random (seed {seed}) among the allocations that give the most mentees a mentor.";
        }
        // Specialty and topic names come from the coordinator's lists (up to 120 characters each), so
        // naming them all could outgrow what a pairing keeps; then the reason counts them instead.
        var reason = BestFitReason(willing, PairFit.For(facts, considered, mentor, mentee).Because);
        return reason.Length <= Sessions.Pairing.ReasonMaxLength
            ? reason
            : BestFitReason(willing, PairFit.For(facts, considered, mentor, mentee, brief: true).Because);
    }

    private static string BestFitReason(string willing, IReadOnlyList<string> because) =>
        because.Count == 0
            ? $"{willing}; part of the allocation that gives the most mentees a mentor."
            : $"{willing}; {string.Join("; ", because)}; part of the allocation that gives the most mentees a mentor and, among those, the best fit.";
}

using Upward.Core.Allocation;
using Upward.Core.Matching;

namespace Upward.Core.Tests.Allocation;

public sealed class AllocationPlannerTests
{
    private static readonly Guid[] Mentors = [.. Enumerable.Range(1, 6).Select(i => new Guid($"00000000-0000-0000-0000-00000000010{i}"))];
    private static readonly Guid[] Mentees = [.. Enumerable.Range(1, 5).Select(i => new Guid($"00000000-0000-0000-0000-00000000020{i}"))];

    /// <summary>The pilot's pattern: three mentors willing for all, two for three of five, one for four of five.</summary>
    private static HashSet<(Guid, Guid)> PilotWillingness()
    {
        var willing = new HashSet<(Guid, Guid)>();
        for (var r = 0; r < 6; r++)
        for (var e = 0; e < 5; e++)
        {
            var yes = r < 3 || (r < 5 ? e < 3 : e < 4);
            if (yes) willing.Add((Mentors[r], Mentees[e]));
        }
        return willing;
    }

    private static AllocationFacts Facts(
        HashSet<(Guid, Guid)>? willing = null, HashSet<(Guid, Guid)>? conflicts = null, HashSet<(Guid, Guid)>? supervisions = null,
        SupervisorRule rule = SupervisorRule.Allowed, HashSet<(Guid, Guid)>? ended = null, HashSet<(Guid, Guid)>? declined = null) =>
        new(Mentors, Mentees, willing ?? PilotWillingness(), conflicts ?? [], supervisions ?? [], declined ?? [], ended ?? [], 1, rule);

    [Theory]
    [InlineData(1UL)]
    [InlineData(42UL)]
    [InlineData(2026UL)]
    public void Random_mode_matches_every_pilot_mentee_only_within_willingness_and_reproduces_from_the_seed(ulong seed)
    {
        var facts = Facts();
        var plan = AllocationPlanner.Plan(facts, MatchingMode.Random, seed);
        var again = AllocationPlanner.Plan(facts, MatchingMode.Random, seed);

        Assert.Equal(5, plan.Pairs.Count);
        Assert.All(plan.Pairs, p => Assert.Contains((p.Mentor, p.Mentee), facts.Willing));
        Assert.Equal(plan.Pairs.Select(p => (p.Mentor, p.Mentee)), again.Pairs.Select(p => (p.Mentor, p.Mentee)));
        Assert.Equal(seed, plan.Seed);
        Assert.Contains($"seed {seed}", plan.Pairs[0].Reason);
    }

    [Fact]
    public void A_conflict_an_ended_pair_a_mentee_decline_and_a_forbidden_supervisor_are_never_paired()
    {
        // Only mentor 1 is willing to mentor mentee 1; every other tie forbids it in turn.
        var willing = new HashSet<(Guid, Guid)> { (Mentors[0], Mentees[0]) };
        var pair = new HashSet<(Guid, Guid)> { (Mentors[0], Mentees[0]) };
        foreach (var facts in new[]
                 {
                     Facts(willing, conflicts: pair), Facts(willing, ended: pair), Facts(willing, declined: pair),
                     Facts(willing, supervisions: pair, rule: SupervisorRule.Forbidden),
                 })
        {
            var plan = AllocationPlanner.Plan(facts, MatchingMode.Optimal, 0);
            Assert.Empty(plan.Pairs);
            Assert.Contains(plan.Unmatched, u => u.Mentee == Mentees[0] && u.Reason.StartsWith("No mentor", StringComparison.Ordinal));
            Assert.NotNull(AllocationPlanner.WhyNot(facts, Mentors[0], Mentees[0]));
        }
        Assert.Null(AllocationPlanner.WhyNot(Facts(willing, supervisions: pair, rule: SupervisorRule.Allowed), Mentors[0], Mentees[0]));
    }

    [Fact]
    public void Willing_and_free_leaves_out_the_unwilling_the_ended_pair_the_conflicted_and_mentors_at_capacity()
    {
        // Mentee 3: mentors 0-2 and 5 are willing (pilot pattern), 3 and 4 are not.
        var facts = Facts(ended: [(Mentors[0], Mentees[3])], conflicts: [(Mentors[1], Mentees[3])]) with { PlacesTaken = new Dictionary<Guid, int> { [Mentors[2]] = 1 } };
        Assert.Equal([Mentors[5]], AllocationPlanner.WillingAndFree(facts, Mentees[3]));
        // Every mentor offered passes WhyNot, and every mentor left out fails it; someone not in the round gets nobody.
        foreach (var mentee in Mentees.Append(Guid.NewGuid()))
        {
            var free = AllocationPlanner.WillingAndFree(facts, mentee);
            Assert.All(Mentors, m => Assert.Equal(free.Contains(m), AllocationPlanner.WhyNot(facts, m, mentee) is null));
        }
    }

    [Fact]
    public void A_mentor_who_said_no_is_refused_with_a_reason()
    {
        var facts = Facts();
        Assert.Equal("This mentor did not say they were willing to mentor this mentee", AllocationPlanner.WhyNot(facts, Mentors[5], Mentees[4]));
    }

    [Fact]
    public void Preferred_supervisors_are_paired_in_optimal_mode()
    {
        var supervisions = new HashSet<(Guid, Guid)> { (Mentors[0], Mentees[1]), (Mentors[1], Mentees[0]) };
        var plan = AllocationPlanner.Plan(Facts(supervisions: supervisions, rule: SupervisorRule.Preferred), MatchingMode.Optimal, 0);

        Assert.Equal(5, plan.Pairs.Count);
        Assert.Contains(plan.Pairs, p => p.Mentor == Mentors[0] && p.Mentee == Mentees[1]);
        Assert.Contains(plan.Pairs, p => p.Mentor == Mentors[1] && p.Mentee == Mentees[0]);
        Assert.Null(plan.Seed);
    }

    [Fact]
    public void When_willing_mentors_are_full_the_reason_says_so()
    {
        var willing = new HashSet<(Guid, Guid)> { (Mentors[0], Mentees[0]), (Mentors[0], Mentees[1]) };
        var plan = AllocationPlanner.Plan(Facts(willing), MatchingMode.Optimal, 0);

        Assert.Single(plan.Pairs);
        Assert.Contains(plan.Unmatched, u => u.Reason.StartsWith("Every mentor willing", StringComparison.Ordinal));
        Assert.Contains(plan.Unmatched, u => u.Reason.StartsWith("No mentor", StringComparison.Ordinal));
    }

    /// <summary>
    /// The engine's instance is found from the willingness; by definition it holds every pair WhyNot allows,
    /// mentee by mentee in mentor order, with its weight. Checked against that definition on programmes
    /// drawn at random with every rule in play: conflicts, supervisions, declines, ended pairs, full mentors.
    /// </summary>
    [Theory]
    [InlineData(1, SupervisorRule.Forbidden)]
    [InlineData(2, SupervisorRule.Allowed)]
    [InlineData(3, SupervisorRule.Preferred)]
    public void The_instance_holds_exactly_the_allowed_pairs_in_mentee_then_mentor_order(int draw, SupervisorRule rule)
    {
        var random = new Random(draw);
        var mentors = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid()).ToList();
        var mentees = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();
        HashSet<(Guid, Guid)> Some(double share) =>
            [.. from r in mentors from e in mentees where random.NextDouble() < share select (r, e)];
        // Some pairs about people outside this round too, which the instance must leave out.
        var willing = Some(0.4);
        willing.UnionWith(Enumerable.Range(0, 20).Select(_ => (Guid.NewGuid(), mentees[random.Next(mentees.Count)])));
        var facts = new AllocationFacts(mentors, mentees, willing, Some(0.05), Some(0.05), Some(0.05), Some(0.05), 2, rule)
        {
            PlacesTaken = mentors.Where(_ => random.NextDouble() < 0.3).ToDictionary(m => m, _ => random.Next(1, 3)),
            Wished = Some(0.1),
        };

        var instance = AllocationPlanner.BuildInstance(facts, BestFitConsiderations.MenteeWishes);

        var expected = (from e in Enumerable.Range(0, mentees.Count)
                        from r in Enumerable.Range(0, mentors.Count)
                        where AllocationPlanner.WhyNot(facts, mentors[r], mentees[e]) is null
                        select (Mentor: r, Mentee: e)).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(p => p.Mentor), instance.PairMentors);
        Assert.Equal(expected.Select(p => p.Mentee), instance.PairMentees);
        Assert.Equal(expected.Select(p => PairFit.For(facts, BestFitConsiderations.MenteeWishes, mentors[p.Mentor], mentees[p.Mentee]).Weight), instance.PairWeights);
        Assert.Equal(mentors.Select(facts.PlacesLeft), instance.MentorCapacities);
    }
}

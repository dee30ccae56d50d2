using Upward.Core.Allocation;
using Upward.Core.Matching;

namespace Upward.Core.Tests.Allocation;

/// <summary>Best fit: after the most mentees matched, pairs the mentee wished for or with shared work and topics.</summary>
public sealed class BestFitTests
{
    private static readonly Guid MentorA = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid MentorB = new("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid MenteeX = new("00000000-0000-0000-0000-0000000000f1");
    private static readonly Guid MenteeY = new("00000000-0000-0000-0000-0000000000f2");

    private static readonly HashSet<(Guid, Guid)> EveryoneWilling = [(MentorA, MenteeX), (MentorA, MenteeY), (MentorB, MenteeX), (MentorB, MenteeY)];

    private static AllocationFacts Facts(HashSet<(Guid, Guid)>? willing = null, HashSet<(Guid, Guid)>? wished = null,
        Dictionary<Guid, MatchProfile>? profiles = null, HashSet<(Guid, Guid)>? supervisions = null, SupervisorRule rule = SupervisorRule.Allowed) =>
        new([MentorA, MentorB], [MenteeX, MenteeY], willing ?? EveryoneWilling, new HashSet<(Guid, Guid)>(), supervisions ?? [],
            new HashSet<(Guid, Guid)>(), new HashSet<(Guid, Guid)>(), 1, rule)
        {
            Wished = wished ?? [],
            Profiles = profiles ?? [],
        };

    private static MatchProfile Profile(string? department = null, string? specialty = null, params string[] topics) =>
        new(department, specialty, topics.ToHashSet());

    private static Guid MentorOf(AllocationPlan plan, Guid mentee) => plan.Pairs.Single(p => p.Mentee == mentee).Mentor;

    [Fact]
    public void A_mentees_wish_decides_between_otherwise_equal_allocations_only_when_wishes_count()
    {
        // Both allocations match both mentees; only the wish (Y would like A) tells them apart.
        var facts = Facts(wished: [(MentorA, MenteeY)]);

        var counted = AllocationPlanner.Plan(facts, MatchingMode.Optimal, 0, BestFitConsiderations.MenteeWishes);
        Assert.Equal(MentorA, MentorOf(counted, MenteeY));
        Assert.Equal(MentorB, MentorOf(counted, MenteeX));
        Assert.Contains("the mentee asked to meet this mentor", counted.Pairs.Single(p => p.Mentee == MenteeY).Reason, StringComparison.Ordinal);

        var notCounted = AllocationPlanner.Plan(facts, MatchingMode.Optimal, 0, BestFitConsiderations.None);
        Assert.DoesNotContain(notCounted.Pairs, p => p.Reason.Contains("asked to meet", StringComparison.Ordinal));
    }

    [Fact]
    public void A_wish_never_costs_another_mentee_their_mentor()
    {
        // X can only have A. Y wishes for A too, but giving A to Y would leave X without anyone.
        var willing = new HashSet<(Guid, Guid)> { (MentorA, MenteeX), (MentorA, MenteeY), (MentorB, MenteeY) };
        var plan = AllocationPlanner.Plan(Facts(willing, wished: [(MentorA, MenteeY)]), MatchingMode.Optimal, 0, BestFitConsiderations.All);

        Assert.Equal(2, plan.Pairs.Count);
        Assert.Equal(MentorA, MentorOf(plan, MenteeX));
        Assert.Equal(MentorB, MentorOf(plan, MenteeY));
    }

    [Fact]
    public void Shared_specialty_topics_and_different_departments_each_add_weight_with_their_reason()
    {
        var profiles = new Dictionary<Guid, MatchProfile>
        {
            [MentorA] = Profile("Emergency department", "Cardiology", "Leadership", "Use of technology", "Teamwork"),
            [MenteeX] = Profile("Cardiac ward", "cardiology", "Teamwork", "Use of technology", "Leadership"),
        };
        var facts = Facts(profiles: profiles);

        var fit = PairFit.For(facts, BestFitConsiderations.All, MentorA, MenteeX);

        // Base 10 + specialty 15 + topics (three shared, capped at 20) + different department 15.
        Assert.Equal(60, fit.Weight);
        Assert.Equal(
            ["both work in Cardiology", "both want to talk about Leadership, Teamwork and Use of technology", "they work in different departments"],
            fit.Because);
        var nothingCounted = PairFit.For(facts, BestFitConsiderations.None, MentorA, MenteeX);
        Assert.Equal(PairFit.Base, nothingCounted.Weight);
        Assert.Empty(nothingCounted.Because);
    }

    [Fact]
    public void The_same_department_or_an_unknown_one_adds_nothing()
    {
        var profiles = new Dictionary<Guid, MatchProfile>
        {
            [MentorA] = Profile("Theatres"),
            [MenteeX] = Profile(" theatres "),
            [MentorB] = Profile(department: null),
            [MenteeY] = Profile("Outpatients"),
        };
        var facts = Facts(profiles: profiles);

        Assert.Equal(PairFit.Base, PairFit.For(facts, BestFitConsiderations.DifferentDepartment, MentorA, MenteeX).Weight);
        Assert.Equal(PairFit.Base, PairFit.For(facts, BestFitConsiderations.DifferentDepartment, MentorB, MenteeY).Weight);
        Assert.Equal(PairFit.Base + PairFit.DifferentDepartment, PairFit.For(facts, BestFitConsiderations.DifferentDepartment, MentorA, MenteeY).Weight);
    }

    [Fact]
    public void Every_consideration_together_stays_within_the_engines_weight_range()
    {
        var profiles = new Dictionary<Guid, MatchProfile>
        {
            [MentorA] = Profile("A", "S", "t1", "t2", "t3"),
            [MenteeX] = Profile("B", "S", "t1", "t2", "t3"),
        };
        var facts = Facts(wished: [(MentorA, MenteeX)], profiles: profiles, supervisions: [(MentorA, MenteeX)], rule: SupervisorRule.Preferred);

        Assert.Equal(100, PairFit.For(facts, BestFitConsiderations.All, MentorA, MenteeX).Weight);
        var instance = AllocationPlanner.BuildInstance(facts, BestFitConsiderations.All);
        Assert.All(instance.PairWeights, w => Assert.InRange(w, 0, 100));
    }

    [Fact]
    public void Department_and_topic_fit_choose_the_pairs_when_counted()
    {
        // A shares a department with X and topics with Y; B shares nothing with Y and works elsewhere than X.
        var profiles = new Dictionary<Guid, MatchProfile>
        {
            [MentorA] = Profile("Surgery", null, "Leadership"),
            [MentorB] = Profile("Medicine", null),
            [MenteeX] = Profile("Surgery", null),
            [MenteeY] = Profile("Surgery", null, "Leadership"),
        };
        var plan = AllocationPlanner.Plan(Facts(profiles: profiles), MatchingMode.Optimal, 0,
            BestFitConsiderations.SharedTopics | BestFitConsiderations.DifferentDepartment);

        Assert.Equal(MentorB, MentorOf(plan, MenteeX));
        Assert.Equal(MentorA, MentorOf(plan, MenteeY));
        Assert.Contains("they work in different departments", plan.Pairs.Single(p => p.Mentee == MenteeX).Reason, StringComparison.Ordinal);
        Assert.Contains("both want to talk about Leadership", plan.Pairs.Single(p => p.Mentee == MenteeY).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_mode_ignores_best_fit_and_says_so()
    {
        var plan = AllocationPlanner.Plan(Facts(wished: [(MentorA, MenteeY)]), MatchingMode.Random, 7, BestFitConsiderations.All);

        Assert.All(plan.Pairs, p => Assert.Contains("chosen at random (seed 7)", p.Reason, StringComparison.Ordinal));
        Assert.Equal(7UL, plan.Seed);
    }
}

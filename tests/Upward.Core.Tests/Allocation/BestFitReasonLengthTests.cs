using Upward.Core.Allocation;
using Upward.Core.Matching;
using Upward.Core.Sessions;

namespace Upward.Core.Tests.Allocation;

/// <summary>
/// A best-fit reason names the shared specialty and every shared topic, each up to
/// 120 characters, so with a programme's 12 domains it outgrew the 500 characters a pairing keeps
/// (PostgreSQL refused the insert: confirming the allocation was a 500). Now it counts them instead.
/// </summary>
public sealed class BestFitReasonLengthTests
{
    private static readonly Guid Mentor = Guid.NewGuid();
    private static readonly Guid Mentee = Guid.NewGuid();

    private static AllocationFacts Facts(MatchProfile both) =>
        new([Mentor], [Mentee], new HashSet<(Guid, Guid)> { (Mentor, Mentee) }, new HashSet<(Guid, Guid)>(), new HashSet<(Guid, Guid)>(),
            new HashSet<(Guid, Guid)>(), new HashSet<(Guid, Guid)>(), 1, SupervisorRule.Allowed)
        {
            Wished = new HashSet<(Guid, Guid)> { (Mentor, Mentee) },
            Profiles = new Dictionary<Guid, MatchProfile> { [Mentor] = both with { Department = "A" }, [Mentee] = both with { Department = "B" } },
        };

    [Fact]
    public void Twelve_long_topic_names_and_a_long_specialty_still_fit_in_a_pairings_reason()
    {
        var topics = Enumerable.Range(1, 12).Select(i => $"{i:00}" + new string('t', 118)).ToHashSet();
        var plan = AllocationPlanner.Plan(Facts(new MatchProfile(null, new string('s', 120), topics)), MatchingMode.Optimal, 0, BestFitConsiderations.All);

        var reason = Assert.Single(plan.Pairs).Reason;
        Assert.True(reason.Length <= Pairing.ReasonMaxLength, $"{reason.Length} characters: {reason}");
        Assert.Contains("they share a specialty", reason, StringComparison.Ordinal);
        Assert.Contains("both want to talk about 12 of the same topics", reason, StringComparison.Ordinal);
        Assert.Contains("the mentee asked to meet this mentor", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_names_are_still_named()
    {
        var plan = AllocationPlanner.Plan(Facts(new MatchProfile(null, "Acute medicine", new HashSet<string> { "Teamwork", "Safety" })), MatchingMode.Optimal, 0, BestFitConsiderations.All);

        var reason = Assert.Single(plan.Pairs).Reason;
        Assert.Contains("both work in Acute medicine", reason, StringComparison.Ordinal);
        Assert.Contains("both want to talk about Safety and Teamwork", reason, StringComparison.Ordinal);
    }
}

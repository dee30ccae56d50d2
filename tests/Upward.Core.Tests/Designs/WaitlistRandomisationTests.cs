using Upward.Core.Designs;

namespace Upward.Core.Tests.Designs;

/// <summary>The waitlist's randomisation: the seed reproduces it, the arms are balanced, and the seed matters.</summary>
public sealed class WaitlistRandomisationTests
{
    [Theory]
    [InlineData(0, 0UL)]
    [InlineData(1, 7UL)]
    [InlineData(10, 42UL)]
    [InlineData(37, 9007199254740991UL)]
    public void The_same_seed_and_list_give_the_same_arms(int count, ulong seed)
    {
        Assert.Equal(WaitlistRandomisation.Allocate(count, seed), WaitlistRandomisation.Allocate(count, seed));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(101)]
    public void Half_start_now_and_half_later_with_the_odd_one_starting_now(int count)
    {
        for (ulong seed = 0; seed < 50; seed++)
        {
            var arms = WaitlistRandomisation.Allocate(count, seed);
            Assert.Equal(count, arms.Length);
            Assert.Equal((count + 1) / 2, arms.Count(a => a == Arm.StartNow));
            Assert.Equal(count / 2, arms.Count(a => a == Arm.StartLater));
        }
    }

    [Fact]
    public void Different_seeds_give_different_allocations()
    {
        // 20 people have C(20, 10) = 184,756 balanced allocations: 100 seeds should nearly all differ.
        var allocations = Enumerable.Range(0, 100)
            .Select(s => string.Concat(WaitlistRandomisation.Allocate(20, (ulong)s).Select(a => a == Arm.StartNow ? 'N' : 'L')))
            .ToHashSet();
        Assert.True(allocations.Count >= 98, $"only {allocations.Count} different allocations from 100 seeds");
    }

    [Fact]
    public void Every_position_is_equally_likely_to_start_now()
    {
        // Over many seeds each of 6 places starts now about half the time (a biased shuffle would not).
        const int seeds = 20000;
        var now = new int[6];
        for (ulong seed = 0; seed < seeds; seed++)
        {
            var arms = WaitlistRandomisation.Allocate(6, seed * 2654435761UL);
            for (int i = 0; i < 6; i++) if (arms[i] == Arm.StartNow) now[i]++;
        }
        foreach (var n in now)
        {
            // Binomial(20000, 0.5) has a standard deviation of about 71: 5 of them either side.
            Assert.InRange(n, 10000 - 355, 10000 + 355);
        }
    }

    [Fact]
    public void People_keep_their_order_and_get_the_arm_at_their_place()
    {
        string[] people = ["a", "b", "c", "d", "e"];
        var arms = WaitlistRandomisation.Allocate(people.Length, 123);
        var allocated = WaitlistRandomisation.Allocate(people, 123);
        Assert.Equal(people, allocated.Select(x => x.Person));
        Assert.Equal(arms, allocated.Select(x => x.Arm));
    }

    [Fact]
    public void The_allocation_for_a_seed_stays_the_same_in_every_future_build()
    {
        // Pinned once from this implementation: a change to the generator or the shuffle would
        // silently redraw every stored allocation, so it must fail here instead.
        var arms = string.Concat(WaitlistRandomisation.Allocate(10, 20261206).Select(a => a == Arm.StartNow ? 'N' : 'L'));
        Assert.Equal(PinnedAllocation, arms);
    }

    private const string PinnedAllocation = "NLLNNNLLLN";

    [Fact]
    public void Pairing_waits_for_the_arms_and_the_later_arm_waits_for_its_start()
    {
        var drawn = new WaitlistAllocation { Seed = 1 };
        Assert.NotNull(WaitlistPairing.WhyNotYet(null, null));
        Assert.NotNull(WaitlistPairing.WhyNotYet(drawn, null));
        Assert.Null(WaitlistPairing.WhyNotYet(drawn, Arm.StartNow));
        Assert.Equal("Start later arm: waiting until the later arm starts", WaitlistPairing.WhyNotYet(drawn, Arm.StartLater));
        drawn.LaterArmStartedAtUtc = new DateTime(2026, 12, 6, 0, 0, 0, DateTimeKind.Utc);
        Assert.Null(WaitlistPairing.WhyNotYet(drawn, Arm.StartLater));
    }
}

namespace Upward.Core.Designs;

/// <summary>
/// Seeded, balanced randomisation to the two arms of a waitlist control: half the people (the odd one
/// out to "start now") in a random order drawn from the seed. The same seed and the same people in the
/// same order give the same arms on every machine, because the generator is SplitMix64 written out in
/// Core rather than System.Random, whose algorithm is not promised.
/// </summary>
public static class WaitlistRandomisation
{
    /// <summary>
    /// One arm for each of <paramref name="count"/> people, in their order: ⌈count/2⌉ start now and
    /// ⌊count/2⌋ later, shuffled by Fisher–Yates from the last position down.
    /// </summary>
    public static Arm[] Allocate(int count, ulong seed)
    {
        // Two groups of the one seeded draw: group 1 (the larger half) starts now.
        return [.. BalancedShuffle.Groups(count, 2, seed).Select(g => g == 1 ? Arm.StartNow : Arm.StartLater)];
    }

    /// <summary>
    /// Arms for people given in a stable order (the caller sorts them, for example by enrolment id), so
    /// that anyone holding the same list and seed can check the allocation.
    /// </summary>
    public static IReadOnlyList<(T Person, Arm Arm)> Allocate<T>(IReadOnlyList<T> peopleInStableOrder, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(peopleInStableOrder);
        var arms = Allocate(peopleInStableOrder.Count, seed);
        return [.. peopleInStableOrder.Select((p, i) => (p, arms[i]))];
    }

    /// <summary>
    /// Whole departments to arms: the departments (each with at least one mentee to randomise) in
    /// ordinal order of name, half of them starting now and the odd one out starting now, by the same
    /// draw as people. Balanced by the number of departments rather than of people, so that every
    /// department has exactly the same chance of each arm and anyone can check the draw with the same
    /// list and seed; balancing people as well would need a restricted randomisation whose chances are
    /// neither equal nor easy to state. The arms may therefore hold different numbers of people, which
    /// the coordinator's page shows.
    /// </summary>
    public static IReadOnlyList<(string Department, Arm Arm)> AllocateDepartments(IEnumerable<string> departments, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(departments);
        var ordered = departments.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return Allocate(ordered, seed);
    }
}

using Upward.Core.Matching;

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
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var arms = new Arm[count];
        for (int i = 0; i < count; i++)
        {
            arms[i] = i < (count + 1) / 2 ? Arm.StartNow : Arm.StartLater;
        }
        var random = new SplitMix64(seed);
        for (int i = count - 1; i > 0; i--)
        {
            int j = random.NextBelow(i + 1);
            (arms[i], arms[j]) = (arms[j], arms[i]);
        }
        return arms;
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
}

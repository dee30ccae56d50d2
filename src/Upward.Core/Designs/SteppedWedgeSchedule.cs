namespace Upward.Core.Designs;

/// <summary>
/// A stepped wedge's schedule: departments shuffled by the seed into steps (by the same draw as the
/// waitlist's arms, so the same departments and seed give the same steps anywhere), and each step's
/// start date a fixed number of weeks after the one before.
/// </summary>
public static class SteppedWedgeSchedule
{
    public const int MinSteps = 2;
    public const int MaxSteps = 6;
    public const int MaxWeeksBetween = 52;

    /// <summary>Why these choices cannot make a schedule, in plain English; null when they can.</summary>
    public static string? Check(int departments, int steps, int weeksBetween)
    {
        if (departments < MinSteps) return $"A stepped wedge needs mentees in at least {MinSteps} departments; there are mentees in {departments}";
        if (steps < MinSteps || steps > MaxSteps) return $"Enter the number of steps as a whole number from {MinSteps} to {MaxSteps}";
        if (steps > departments) return $"There can be no more steps than departments with mentees ({departments}): each step starts at least one department";
        if (weeksBetween < 1 || weeksBetween > MaxWeeksBetween) return $"Enter the weeks between steps as a whole number from 1 to {MaxWeeksBetween}";
        return null;
    }

    /// <summary>
    /// Each department's step (1 to <paramref name="steps"/>), departments in ordinal order of name:
    /// the steps are as even as possible, earlier steps taking one department more when they cannot be.
    /// </summary>
    public static IReadOnlyList<(string Department, int Step)> Draw(IEnumerable<string> departments, int steps, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(departments);
        var ordered = departments.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var groups = BalancedShuffle.Groups(ordered.Count, steps, seed);
        return [.. ordered.Select((d, i) => (d, groups[i]))];
    }

    /// <summary>The start date of each step, 1 to <paramref name="steps"/>: the first on <paramref name="first"/>, then every <paramref name="weeksBetween"/> weeks.</summary>
    public static IReadOnlyList<DateOnly> Dates(DateOnly first, int steps, int weeksBetween) =>
        [.. Enumerable.Range(0, steps).Select(s => first.AddDays(7 * weeksBetween * s))];
}

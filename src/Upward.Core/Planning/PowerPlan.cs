namespace Upward.Core.Planning;

/// <summary>What the power planner found, with everything needed to reproduce it.</summary>
/// <param name="Design">The comparison planned for.</param>
/// <param name="Effect">The standardised effect: the mean change (or difference between arms) divided by its standard deviation.</param>
/// <param name="Alpha">The two-sided significance level.</param>
/// <param name="TargetPower">The power asked for.</param>
/// <param name="Seed">The seed every simulated data set is drawn from.</param>
/// <param name="Runs">Data sets simulated at each size.</param>
/// <param name="People">The fewest people with answers at both times (paired) or in each arm (two arms) whose simulated power reaches the target; null when even <see cref="PowerPlanner.MaxPeople"/> does not.</param>
/// <param name="PowerAtPeople">The simulated power at <paramref name="People"/> (or at the largest size tried).</param>
public sealed record PowerPlan(
    PowerDesign Design,
    double Effect,
    double Alpha,
    double TargetPower,
    ulong Seed,
    int Runs,
    int? People,
    double PowerAtPeople);

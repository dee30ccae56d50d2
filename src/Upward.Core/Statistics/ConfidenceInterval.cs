namespace Upward.Core.Statistics;

/// <summary>A two-sided confidence interval for a proportion, both ends between 0 and 1.</summary>
/// <param name="Lower">Lower limit.</param>
/// <param name="Upper">Upper limit.</param>
public readonly record struct ConfidenceInterval(double Lower, double Upper);

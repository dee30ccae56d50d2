namespace Upward.Core.Evaluation;

/// <summary>
/// A programme's analysis plan as its coordinator saved it (canonical JSON). None stored means the
/// template's plan. When it was fixed is not stored: it is the moment the first answer after the
/// intervention arrived, after which the plan is refused any change.
/// </summary>
public sealed class StoredAnalysisPlan
{
    public Guid ProgrammeId { get; init; }
    public required string Json { get; set; }
    public DateTime SavedAtUtc { get; set; }

    public const int JsonMaxLength = 20000;
}

/// <summary>The plan behind a report: its hash, and when it was fixed (null while it can still change).</summary>
public sealed record AnalysisPlanStamp(string Sha256, DateTime? FixedAtUtc);

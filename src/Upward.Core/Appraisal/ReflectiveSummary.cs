namespace Upward.Core.Appraisal;

/// <summary>
/// A mentee's reflection on what their mentor told them, for their appraisal. Only the mentee writes
/// or reads it, and it names no mentor: it is their evidence, not a record of who said what.
/// </summary>
public sealed class ReflectiveSummary
{
    public Guid EnrolmentId { get; init; }
    public Guid ProgrammeId { get; init; }
    public string WhatIHeard { get; set; } = "";
    public string WhatIWillChange { get; set; } = "";
    public string ActionPlan { get; set; } = "";
    public DateTime UpdatedAtUtc { get; set; }

    public const int FieldMaxLength = 4000;
}

namespace Upward.Core.Designs;

/// <summary>
/// A waitlist programme's randomisation: the seed that drew it, and when it was made, told to the
/// participants and when the later arm started. One per programme; made once and never redrawn, so
/// the stored seed and the stored arms always agree.
/// </summary>
public sealed class WaitlistAllocation
{
    public Guid ProgrammeId { get; init; }

    /// <summary>Below 2^53 so that every JSON reader and spreadsheet holds it exactly.</summary>
    public long Seed { get; init; }

    public DateTime AllocatedAtUtc { get; init; }

    /// <summary>When the coordinator told participants their arms; until then no mentee's page shows them.</summary>
    public DateTime? ReleasedAtUtc { get; set; }

    /// <summary>When the later arm's waiting ended and it could be paired.</summary>
    public DateTime? LaterArmStartedAtUtc { get; set; }

    public bool IsReleased => ReleasedAtUtc is not null;
}

/// <summary>One mentee's arm in a waitlist programme.</summary>
public sealed class ArmAssignment
{
    public Guid EnrolmentId { get; init; }
    public Guid ProgrammeId { get; init; }
    public Arm Arm { get; init; }
}

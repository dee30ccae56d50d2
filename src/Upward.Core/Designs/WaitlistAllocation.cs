namespace Upward.Core.Designs;

/// <summary>
/// A programme's randomisation, for a waitlist control or a stepped wedge: the seed that drew it, the
/// unit drawn (each mentee, or whole departments), and when it was made, told to the participants and
/// when the waitlist's later arm started. One per programme; made once and never redrawn, so the stored
/// seed and the stored arms or steps always agree.
/// </summary>
public sealed class WaitlistAllocation
{
    public Guid ProgrammeId { get; init; }

    /// <summary>The analysis plan's design the draw was made for (<c>waitlist_control</c> or <c>stepped_wedge</c>).</summary>
    public string Design { get; init; } = Evaluation.AnalysisPlan.WaitlistControl;

    /// <summary>What was randomised: each mentee, or whole departments (a stepped wedge always draws departments).</summary>
    public RandomisedUnit Unit { get; init; }

    /// <summary>Below 2^53 so that every JSON reader and spreadsheet holds it exactly.</summary>
    public long Seed { get; init; }

    public DateTime AllocatedAtUtc { get; init; }

    /// <summary>When the coordinator told participants their arms or start dates; until then no mentee's page shows them.</summary>
    public DateTime? ReleasedAtUtc { get; set; }

    /// <summary>When the waitlist's later arm's waiting ended and it could be paired (a stepped wedge records each step's start instead).</summary>
    public DateTime? LaterArmStartedAtUtc { get; set; }

    /// <summary>A stepped wedge's weeks between one step's start and the next; null for a waitlist.</summary>
    public int? WeeksBetweenSteps { get; init; }

    public bool IsReleased => ReleasedAtUtc is not null;

    public bool IsSteppedWedge => Design == Evaluation.AnalysisPlan.SteppedWedge;
}

/// <summary>
/// One mentee's place in a randomised programme: the step at which they start being mentored (1 starts
/// first). A waitlist control has two steps — its arms — and a stepped wedge one per group of departments.
/// </summary>
public sealed class ArmAssignment
{
    public Guid EnrolmentId { get; init; }
    public Guid ProgrammeId { get; init; }

    /// <summary>1 for the first to start (a waitlist's "start now"), 2 and on for those who wait.</summary>
    public int Step { get; init; } = 1;

    /// <summary>
    /// The arm of the first period's contrast: step 1 is mentored while every later step waits. For a
    /// waitlist this is exactly its arm (step 1 starts now, step 2 later). Not stored: it follows from the step.
    /// </summary>
    public Arm Arm
    {
        get => Steps.ArmOf(Step);
        init => Step = value == Arm.StartNow ? 1 : 2;
    }
}

/// <summary>A department's step (or waitlist arm, as step 1 or 2) when whole departments were randomised: the record of the cluster draw.</summary>
public sealed class DepartmentAssignment
{
    public Guid ProgrammeId { get; init; }
    public required string Department { get; init; }
    public int Step { get; init; }
}

/// <summary>
/// One step of a stepped wedge: its planned start date (in the programme's time zone) and when it
/// actually started — by the coordinator, or by the scheduler on its date once the schedule was released.
/// </summary>
public sealed class DesignStep
{
    public Guid ProgrammeId { get; init; }
    public int Number { get; init; }
    public DateOnly StartsOn { get; init; }
    public DateTime? StartedAtUtc { get; set; }

    /// <summary>Who started it: "coordinator" or "schedule"; null until it starts.</summary>
    public string? StartedBy { get; set; }
}

/// <summary>What a randomisation drew.</summary>
public enum RandomisedUnit
{
    Mentee = 0,
    Department = 1,
}

/// <summary>Words and names for steps and units, shared by pages, the bundle and the report.</summary>
public static class Steps
{
    /// <summary>The first period's arm of a step: step 1 is mentored, the rest wait.</summary>
    public static Arm ArmOf(int step) => step <= 1 ? Arm.StartNow : Arm.StartLater;

    /// <summary>The name used in the bundle and the audit: "mentee" or "department".</summary>
    public static string NameOf(RandomisedUnit unit) => unit == RandomisedUnit.Department ? "department" : "mentee";

    /// <summary>What a mentee's step means, told to them once the coordinator releases the schedule.</summary>
    public static string Meaning(int step) => step <= 1
        ? "Your department is in the first step. You answer the questionnaire before your mentoring and again after it."
        : "Your department starts later. You answer the questionnaire now, and again when your department's step starts, before you meet your mentor, so that the programme can tell its own effect from what changes anyway over time. You are not missing out: you will be mentored in the same way.";

    public static bool TryUnit(string name, out RandomisedUnit unit)
    {
        unit = name == "department" ? RandomisedUnit.Department : RandomisedUnit.Mentee;
        return name is "department" or "mentee";
    }
}

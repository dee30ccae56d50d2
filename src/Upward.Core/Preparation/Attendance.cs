namespace Upward.Core.Preparation;

/// <summary>What a coordinator records a mentor attending.</summary>
public enum AttendanceKind
{
    /// <summary>The induction before pairing; a programme that waits for readiness needs it.</summary>
    Induction = 0,

    /// <summary>A group supervision meeting of mentors while sessions are held.</summary>
    GroupSupervision = 1,
}

/// <summary>A mentor attended an induction or a group supervision on a day, as the coordinator recorded.</summary>
public sealed class Attendance
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public Guid EnrolmentId { get; init; }
    public AttendanceKind Kind { get; init; }
    public DateOnly HeldOn { get; init; }
    public DateTime RecordedAtUtc { get; init; }
    public Guid RecordedByUserId { get; init; }

    public static string Name(AttendanceKind kind) => kind == AttendanceKind.Induction ? "Induction" : "Group supervision";
}

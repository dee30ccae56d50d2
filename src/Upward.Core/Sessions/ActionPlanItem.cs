namespace Upward.Core.Sessions;

/// <summary>One action the mentee means to take after a session, with a due date and where it stands.</summary>
public sealed class ActionPlanItem
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid PairingId { get; init; }
    public Guid MenteeEnrolmentId { get; init; }
    public required string Action { get; set; }
    public DateOnly? DueOn { get; set; }
    public ActionStatus Status { get; set; } = ActionStatus.NotStarted;
    public DateTime CreatedAtUtc { get; init; }
}

public enum ActionStatus
{
    NotStarted = 0,
    InProgress = 1,
    Done = 2,
}

namespace Upward.Core.Notifications;

/// <summary>A programme's own wording for one kind of notification, in place of Upward's standard wording.</summary>
public sealed class NotificationText
{
    public const int SubjectLimit = 200;
    public const int BodyLimit = 4000;

    public Guid ProgrammeId { get; init; }
    public NotificationKind Kind { get; init; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime ChangedAtUtc { get; set; }
}

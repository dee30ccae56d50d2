namespace Upward.Core.Notifications;

/// <summary>A person turned email of one kind off. No row means the email is on; the list in Upward always shows it.</summary>
public sealed class NotificationPreference
{
    public Guid UserId { get; init; }
    public NotificationKind Kind { get; init; }
    public DateTime ChangedAtUtc { get; set; }
}

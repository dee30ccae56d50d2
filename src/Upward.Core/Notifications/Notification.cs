namespace Upward.Core.Notifications;

/// <summary>Where a notification's email stands.</summary>
public enum EmailStatus
{
    /// <summary>Waiting for its time (or its next try after a failure).</summary>
    Pending = 0,
    Sent = 1,

    /// <summary>Not sent because the person turned this kind of email off.</summary>
    TurnedOff = 2,

    /// <summary>Not sent because, at the moment of sending, the reason for it had gone (the person had answered, the session was cancelled).</summary>
    NoLongerNeeded = 3,

    /// <summary>The mail server refused it on every try.</summary>
    Failed = 4,
}

/// <summary>
/// One message to one person: shown in their list in Upward and, unless turned off, sent by email.
/// <see cref="Key"/> is unique, so whatever finds the message due (a scheduler on any instance, run
/// any number of times) adds it once.
/// </summary>
public sealed class Notification
{
    public const int KeyLimit = 200;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid OrganisationId { get; init; }
    public Guid? ProgrammeId { get; init; }
    public Guid UserId { get; init; }
    public NotificationKind Kind { get; init; }

    /// <summary>What must still hold at the moment of sending: the wave, invitation, session or pairing it is about.</summary>
    public Guid? About { get; init; }

    /// <summary>Names this message among all others, for example "questionnaire-opened:{wave}:{user}".</summary>
    public required string Key { get; init; }

    /// <summary>Set when the notification is made, in the programme's wording if it has its own.</summary>
    public required string Subject { get; set; }
    public required string Body { get; set; }

    /// <summary>The page the message is about, as a path within Upward.</summary>
    public required string Link { get; init; }

    public DateTime CreatedAtUtc { get; init; }
    public DateTime? ReadAtUtc { get; set; }

    public EmailStatus EmailStatus { get; set; } = EmailStatus.Pending;

    /// <summary>Not before this moment: quiet hours and retries move it on.</summary>
    public DateTime EmailDueAtUtc { get; set; }

    public int EmailAttempts { get; set; }

    /// <summary>While set in the future, one sender has claimed the message; after it, a claim left by a stopped instance has lapsed.</summary>
    public DateTime? EmailClaimedUntilUtc { get; set; }

    public DateTime? EmailSentAtUtc { get; set; }
}

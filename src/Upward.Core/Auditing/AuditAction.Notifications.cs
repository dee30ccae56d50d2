namespace Upward.Core.Auditing;

/// <summary>Audited actions of the programme's timeline, its scheduler and its notifications.</summary>
public static partial class AuditAction
{
    /// <summary>A coordinator set or changed a step's dates; the detail has the old and new dates.</summary>
    public const string TimelineChanged = "timeline.changed";
    /// <summary>The scheduler opened a step's questionnaires on its first day; the subject is the step.</summary>
    public const string TimelineOpened = "timeline.opened";
    /// <summary>The scheduler closed a step's questionnaires at the end of its last day; the subject is the step.</summary>
    public const string TimelineClosed = "timeline.closed";
    /// <summary>A coordinator asked to remind those who have not answered a questionnaire; the detail says how many.</summary>
    public const string AnswerRemindersSent = "questionnaire.reminders-sent";
    /// <summary>The scheduler sent the one reminder of an unanswered invitation, with a fresh link; the subject is the invitation.</summary>
    public const string InvitationReminded = "invitation.reminded";
    /// <summary>A notification's email was accepted by the mail server; the subject names the notification, never its words.</summary>
    public const string NotificationEmailSent = "notification.email-sent";
    /// <summary>A notification's email was refused on every try.</summary>
    public const string NotificationEmailFailed = "notification.email-failed";
    /// <summary>A coordinator saved the programme's own wording of a kind of notification, or went back to the standard one; the subject is the kind.</summary>
    public const string NotificationTextChanged = "notification.text-changed";
    /// <summary>A person turned a kind of email on or off (on their preferences page or with an unsubscribe link).</summary>
    public const string NotificationPreferenceChanged = "notification.preference-changed";
}

namespace Upward.Web.Pages.Notifications;

/// <summary>Configuration section "Upward:Notifications".</summary>
public sealed class NotificationOptions
{
    public const string Section = "Upward:Notifications";

    /// <summary>At most this many emails a minute, so a wave opening for a thousand people does not trip the mail server's limits.</summary>
    public int EmailsPerMinute { get; set; } = 120;

    /// <summary>How often the sender looks for email that is due.</summary>
    public int SendEverySeconds { get; set; } = 30;

    /// <summary>Mail that is not essential waits from this local time …</summary>
    public TimeOnly QuietFrom { get; set; } = new(21, 0);

    /// <summary>… until this one (in each programme's own time zone).</summary>
    public TimeOnly QuietUntil { get; set; } = new(8, 0);

    /// <summary>A pair with no session agreed this many days after pairing is reminded; their coordinators after twice as many.</summary>
    public int NoSessionAfterDays { get; set; } = 14;

    /// <summary>Days before a questionnaire closes that those who have not answered are told it closes soon.</summary>
    public int ClosingSoonDays { get; set; } = 3;

    /// <summary>Days after an invitation is sent that it is followed by one reminder, if still unanswered.</summary>
    public int InvitationReminderDays { get; set; } = 4;

    /// <summary>How long a sender's claim on a message lasts; a claim left by a stopped instance lapses after it and the message is sent again.</summary>
    public int ClaimSeconds { get; set; } = 300;
}

namespace Upward.Core.Notifications;

/// <summary>What a notification is about; each kind has its own wording, timing and (if not essential) an off switch.</summary>
public enum NotificationKind
{
    /// <summary>An invitation not yet answered, a few days after it was sent.</summary>
    InvitationReminder = 0,
    QuestionnaireOpened = 1,
    QuestionnaireClosingSoon = 2,
    QuestionnaireLastDay = 3,

    /// <summary>Sent when a coordinator asks to remind those who have not answered a questionnaire.</summary>
    AnswerReminder = 4,
    BriefReleased = 5,
    AllocationConfirmed = 6,
    SessionTomorrow = 7,

    /// <summary>After a pair's sessions are held: the after-phase questionnaire is waiting.</summary>
    AfterSessionQuestionnaire = 8,

    /// <summary>To both sides of a pair with no session agreed some days after they were paired.</summary>
    NoSessionAgreed = 9,

    /// <summary>To coordinators, when a pair still has no session agreed after twice as long.</summary>
    PairWithoutSession = 10,
    ConcernRaised = 11,
    WeeklyDigest = 12,

    /// <summary>
    /// To each mentee of a waitlist control or stepped wedge: when the coordinator releases the arms or the
    /// schedule, when they start (now, or on a date after waiting); and again when a later arm or step starts.
    /// </summary>
    StartTold = 13,
}

/// <summary>Facts about each kind of notification, in one place.</summary>
public static class NotificationKinds
{
    public static readonly IReadOnlyList<NotificationKind> All = Enum.GetValues<NotificationKind>();

    /// <summary>
    /// Essential mail cannot be turned off: the programme cannot run safely without it. People are told why
    /// in each such message and on their preferences page.
    /// </summary>
    /// <remarks>
    /// <see cref="NotificationKind.StartTold"/> is not essential, though the start date matters: the
    /// mentee's programme page always says when they start, and the pairing itself, when it comes, is told
    /// by <see cref="NotificationKind.AllocationConfirmed"/>, which is. Someone who turns it off misses no step.
    /// </remarks>
    public static bool IsEssential(NotificationKind kind) => kind is NotificationKind.AllocationConfirmed
        or NotificationKind.ConcernRaised or NotificationKind.PairWithoutSession;

    /// <summary>The reason an essential kind cannot be turned off, in the words shown to the person.</summary>
    public static string WhyEssential(NotificationKind kind) => kind switch
    {
        NotificationKind.AllocationConfirmed => "you need to know who you are paired with to take part",
        NotificationKind.ConcernRaised => "concerns may be about someone's safety and must reach the programme's leads",
        NotificationKind.PairWithoutSession => "coordinators look after pairs that have not started",
        _ => "",
    };

    /// <summary>How the kind is named on the preferences page.</summary>
    public static string Describe(NotificationKind kind) => kind switch
    {
        NotificationKind.InvitationReminder => "Reminders of an invitation you have not answered",
        NotificationKind.QuestionnaireOpened => "A questionnaire for you has opened",
        NotificationKind.QuestionnaireClosingSoon => "A questionnaire you have not answered closes in a few days",
        NotificationKind.QuestionnaireLastDay => "The last day to answer a questionnaire",
        NotificationKind.AnswerReminder => "Reminders from the coordinator to answer a questionnaire",
        NotificationKind.BriefReleased => "Your feedback brief is ready to read",
        NotificationKind.AllocationConfirmed => "Who you are paired with",
        NotificationKind.SessionTomorrow => "Your session is tomorrow",
        NotificationKind.AfterSessionQuestionnaire => "The questionnaire after your sessions",
        NotificationKind.NoSessionAgreed => "Your pair has not agreed a session yet",
        NotificationKind.PairWithoutSession => "Pairs that have not agreed a session (coordinators)",
        NotificationKind.ConcernRaised => "A concern has been raised (coordinators)",
        NotificationKind.WeeklyDigest => "A weekly summary of the programme (coordinators)",
        NotificationKind.StartTold => "When your mentoring starts, in a programme where mentees start at different times",
        _ => kind.ToString(),
    };
}

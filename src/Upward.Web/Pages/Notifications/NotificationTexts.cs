using Upward.Core.Notifications;

namespace Upward.Web.Pages.Notifications;

/// <summary>
/// The words of each notification, in one place (the words of other email are in Email/Messages). Each
/// text names the one thing to do and links to where to do it; none says what anyone answered or wrote.
/// </summary>
public static class NotificationTexts
{
    /// <summary>What a text may mention; unused facts are null.</summary>
    public sealed record Facts(string Name, string Programme, string? What = null, string? When = null);

    public static (string Subject, string Body) For(NotificationKind kind, Facts f) => kind switch
    {
        NotificationKind.InvitationReminder => ($"Reminder: your invitation to {f.Programme}",
            $"You were invited to take part in \"{f.Programme}\" and have not answered yet. The link in your invitation works until {f.When}. If you do not want to take part, you can ignore this."),
        NotificationKind.QuestionnaireOpened => ($"A questionnaire is open: {f.What}",
            $"\"{f.What}\" in {f.Programme} is open for you to answer{Until(f.When)}. It takes about 10 minutes. Your answers are kept under a participant code, not your name."),
        NotificationKind.QuestionnaireClosingSoon => ($"Closes {f.When}: {f.What}",
            $"\"{f.What}\" in {f.Programme} closes {f.When}, and you have not answered it yet. Every answer counts: the programme's results rest on how many people answer."),
        NotificationKind.QuestionnaireLastDay => ($"Last day today: {f.What}",
            $"Today is the last day to answer \"{f.What}\" in {f.Programme}. It closes at midnight."),
        NotificationKind.AnswerReminder => ($"Reminder: {f.What}",
            $"The coordinator of {f.Programme} reminds you that \"{f.What}\" is waiting for your answers{Until(f.When)}."),
        NotificationKind.BriefReleased => ($"Your feedback brief is ready: {f.Programme}",
            $"The feedback from the group session in {f.Programme} is ready for you to read. It names nobody who gave it."),
        NotificationKind.AllocationConfirmed => ($"You have been paired: {f.Programme}",
            $"You have been paired in {f.Programme}: {f.What} Read and accept the ground rules, then agree a time to meet."),
        NotificationKind.SessionTomorrow => ($"Your reverse mentoring session is tomorrow",
            $"Your session {f.What} is tomorrow, {f.When}. It is in confidence and never recorded."),
        NotificationKind.AfterSessionQuestionnaire => ($"Your sessions are done: {f.What}",
            $"Thank you for your sessions in {f.Programme}. \"{f.What}\" is open for you to answer{Until(f.When)}: what changed for you is the programme's evidence."),
        NotificationKind.NoSessionAgreed => ($"Time to agree a session: {f.Programme}",
            $"You and {f.What} were paired {f.When} and have not agreed a session yet. Propose a time, or record one you have already held."),
        NotificationKind.PairWithoutSession => ($"A pair has not agreed a session: {f.Programme}",
            $"A pair in {f.Programme} was paired {f.When} and has not agreed a session yet. They have been reminded. They may need a hand."),
        NotificationKind.ConcernRaised => ($"A concern has been raised in {f.Programme}",
            "A participant has raised a concern. Its words stay in Upward: sign in to read it."),
        NotificationKind.WeeklyDigest => ($"This week in {f.Programme}", f.What ?? ""),
        _ => (kind.ToString(), ""),
    };

    private static string Until(string? when) => when is null ? "" : $" until {when}";

    /// <summary>The last lines: how to stop this kind of email, or why it cannot be stopped.</summary>
    public static string Footer(NotificationKind kind, string unsubscribeLink, string preferencesLink) =>
        NotificationKinds.IsEssential(kind)
            ? $"You cannot turn this email off, because {NotificationKinds.WhyEssential(kind)}."
            : $"To stop emails like this one: {unsubscribeLink}\nTo choose which emails you get: {preferencesLink}";
}

using System.Text.RegularExpressions;
using Upward.Core.Notifications;

namespace Upward.Web.Pages.Notifications;

/// <summary>
/// The words of each notification, in one place (the words of other email are in Email/Messages). Each
/// text names the one thing to do and links to where to do it; none says what anyone answered or wrote.
/// A programme may replace a kind's wording; both use the same placeholders.
/// </summary>
public static partial class NotificationTexts
{
    /// <summary>What a text may mention; unused facts are null.</summary>
    public sealed record Facts(string Name, string Programme, string? What = null, string? When = null);

    /// <summary>The placeholders a wording may use, and what each stands for (shown to the coordinator who edits one).</summary>
    public static readonly IReadOnlyList<(string Placeholder, string Meaning)> Placeholders =
    [
        ("{name}", "the person's name"),
        ("{programme}", "the programme's name"),
        ("{what}", "the questionnaire's title, or the other person in the pair"),
        ("{when}", "the date or time it is about"),
        ("{until}", "\" until\" and the closing date, when there is one"),
    ];

    /// <summary>The kinds whose wording a programme may change: those Upward writes itself (paired, concerns and invitations use the email's own wording).</summary>
    public static readonly IReadOnlyList<NotificationKind> Editable =
    [
        NotificationKind.QuestionnaireOpened, NotificationKind.QuestionnaireClosingSoon, NotificationKind.QuestionnaireLastDay,
        NotificationKind.AnswerReminder, NotificationKind.BriefReleased, NotificationKind.SessionTomorrow,
        NotificationKind.AfterSessionQuestionnaire, NotificationKind.NoSessionAgreed, NotificationKind.PairWithoutSession, NotificationKind.WeeklyDigest,
    ];

    /// <summary>Upward's standard wording of a kind, with its placeholders.</summary>
    public static (string Subject, string Body) Standard(NotificationKind kind) => kind switch
    {
        NotificationKind.InvitationReminder => ("Reminder: your invitation to {programme}",
            "You were invited to take part in \"{programme}\" and have not answered yet. The link in your invitation works until {when}. If you do not want to take part, you can ignore this."),
        NotificationKind.QuestionnaireOpened => ("A questionnaire is open: {what}",
            "\"{what}\" in {programme} is open for you to answer{until}. It takes about 10 minutes. Your answers are kept under a participant code, not your name."),
        NotificationKind.QuestionnaireClosingSoon => ("Closes {when}: {what}",
            "\"{what}\" in {programme} closes {when}, and you have not answered it yet. Every answer counts: the programme's results rest on how many people answer."),
        NotificationKind.QuestionnaireLastDay => ("Last day today: {what}",
            "Today is the last day to answer \"{what}\" in {programme}. It closes at midnight."),
        NotificationKind.AnswerReminder => ("Reminder: {what}",
            "The coordinator of {programme} reminds you that \"{what}\" is waiting for your answers{until}."),
        NotificationKind.BriefReleased => ("Your feedback brief is ready: {programme}",
            "The feedback from the group session in {programme} is ready for you to read. It names nobody who gave it."),
        NotificationKind.AllocationConfirmed => ("You have been paired: {programme}",
            "You have been paired in {programme}: {what} Read and accept the ground rules, then agree a time to meet."),
        NotificationKind.SessionTomorrow => ("Your reverse mentoring session is tomorrow",
            "Your session {what} is tomorrow, {when}. It is in confidence and never recorded."),
        NotificationKind.AfterSessionQuestionnaire => ("Your sessions are done: {what}",
            "Thank you for your sessions in {programme}. \"{what}\" is open for you to answer{until}: what changed for you is the programme's evidence."),
        NotificationKind.NoSessionAgreed => ("Time to agree a session: {programme}",
            "You and {what} were paired {when} and have not agreed a session yet. Propose a time, or record one you have already held."),
        NotificationKind.PairWithoutSession => ("A pair has not agreed a session: {programme}",
            "A pair in {programme} was paired {when} and has not agreed a session yet. They have been reminded. They may need a hand."),
        NotificationKind.ConcernRaised => ("A concern has been raised in {programme}",
            "A participant has raised a concern. Its words stay in Upward: sign in to read it."),
        NotificationKind.WeeklyDigest => ("This week in {programme}", "{what}"),
        // The words depend on the reader's arm or step (Core/Designs/StartMessages), so they are not editable:
        // a programme's own wording could tell someone the wrong start.
        NotificationKind.StartTold => ("When you start: {programme}", "{what}"),
        _ => (kind.ToString(), ""),
    };

    /// <summary>The wording with its facts filled in: the programme's own wording when given, else the standard one.</summary>
    public static (string Subject, string Body) For(NotificationKind kind, Facts facts, (string Subject, string Body)? own = null)
    {
        var (subject, body) = own ?? Standard(kind);
        return (Fill(subject, facts), Fill(body, facts));
    }

    /// <summary>In one pass, so a name that itself looks like a placeholder is never filled in again.</summary>
    public static string Fill(string template, Facts f) => Placeholder().Replace(template, m => m.Groups[1].Value switch
    {
        "name" => f.Name,
        "programme" => f.Programme,
        "what" => f.What ?? "",
        "when" => f.When ?? "",
        "until" => f.When is null ? "" : $" until {f.When}",
        _ => m.Value,
    });

    /// <summary>Placeholders in a wording that Upward does not know (a typing slip a coordinator should hear about).</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string template) =>
        AnyPlaceholder().Matches(template).Select(m => m.Value).Where(p => Placeholders.All(known => known.Placeholder != p)).Distinct().ToList();

    /// <summary>The last lines: how to stop this kind of email, or why it cannot be stopped.</summary>
    public static string Footer(NotificationKind kind, string unsubscribeLink, string preferencesLink) =>
        NotificationKinds.IsEssential(kind)
            ? $"You cannot turn this email off, because {NotificationKinds.WhyEssential(kind)}."
            : $"To stop emails like this one: {unsubscribeLink}\nTo choose which emails you get: {preferencesLink}";

    [GeneratedRegex(@"\{(name|programme|what|when|until)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{[^{}\s]{1,30}\}")]
    private static partial Regex AnyPlaceholder();
}

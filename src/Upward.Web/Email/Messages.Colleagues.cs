namespace Upward.Web.Email;

public static partial class Messages
{
    /// <summary>
    /// A colleague asked by a mentee for anonymous 360° feedback. They have no account: the link is
    /// the only way in, works once and names nobody but the mentee who asked.
    /// </summary>
    public static OutgoingEmail ColleagueFeedbackRequest(string toAddress, string menteeName, string organisationName, string programmeName,
        int threshold, int linkDays, string link) =>
        new(toAddress, toAddress, $"{menteeName} asks for your anonymous feedback", $"""
            Hello,

            {menteeName} is taking part in "{programmeName}", a reverse mentoring programme at
            {organisationName}, and would value your honest feedback on how they work.

            Your feedback is anonymous. Upward stores it without your name or email address, and
            {menteeName} sees colleagues' feedback only once at least {threshold} colleagues have
            answered, and never who said what.

            To give your feedback, open this link within {linkDays} days. It works once, and you do
            not need an account:
            {link}

            Please do not forward this email: the link is for you alone. If you would rather not
            answer, you can ignore it.
            """);
}

namespace Upward.Web.Email;

/// <summary>
/// The wording of every email Upward sends, in one place: each method takes the facts a message
/// needs and returns it ready to send. Pages decide whom to write to and when, never what it says.
/// </summary>
public static partial class Messages
{
    /// <summary>An invitation to take part, with the person's single-use link.</summary>
    public static OutgoingEmail Invitation(string toAddress, string toName, string organisationName, string programmeName, string role, int linkDays, string link) =>
        new(toAddress, toName, $"Invitation: {programmeName}", $"""
            Dear {toName},

            {organisationName} invites you to take part in "{programmeName}" as a {role}.

            In reverse mentoring, junior colleagues, patients or staff-network members share their
            view with senior clinicians and leaders, in confidence. You choose what you agree to,
            and you can withdraw at any time.

            To read more and decide, open this link within {linkDays} days:
            {link}

            The link is personal: please do not forward it. If you were not expecting this email,
            you can ignore it.
            """);

    /// <summary>An application the coordinator declined.</summary>
    public static OutgoingEmail ApplicationDeclined(string toAddress, string toName, string programmeName) =>
        new(toAddress, toName, $"Your application: {programmeName}", $"""
            Dear {toName},

            Thank you for applying to take part in "{programmeName}". The programme cannot
            offer you a place this time. This is not a judgement of you or of what you wrote.

            You are welcome to apply again when the programme next recruits.
            """);

    /// <summary>One side of a new pair learns who the other is (<paramref name="role"/> is the partner's: "mentor" or "mentee").</summary>
    public static OutgoingEmail Paired(string toAddress, string toName, string role, string programmeName, string partnerName, string link) =>
        new(toAddress, toName, $"Your {role} in {programmeName}", $"""
            Dear {toName},

            Your {role} in "{programmeName}" is {partnerName}.

            Before you meet, please both read and accept the ground rules, then agree a time.
            Sessions are in confidence and never recorded. Open your pairing here:
            {link}
            """);

    /// <summary>To a coordinator: a concern was raised. Its words stay in Upward.</summary>
    public static OutgoingEmail ConcernRaised(string toAddress, string toName, string programmeName, string link) =>
        new(toAddress, toName, $"A concern has been raised in {programmeName}",
            $"A participant has raised a concern. Sign in to read it:\n{link}");

    /// <summary>A pairing ended; who ended it and why are not said, to the other side or the coordinators.</summary>
    public static OutgoingEmail PairingEnded(string toAddress, string toName, string programmeName, string withWhom, string link) =>
        new(toAddress, toName, $"Your reverse mentoring pairing has ended",
            $"Your pairing with {withWhom} in {programmeName} has ended. Nobody is at fault, and no reason is recorded. The programme's coordinator may pair you with someone else:\n{link}");

    public static OutgoingEmail PairingEndedForCoordinator(string toAddress, string toName, string programmeName, string link) =>
        new(toAddress, toName, $"A pairing has ended in {programmeName}",
            $"A pairing in {programmeName} has ended, without fault. Its mentee may need a new mentor:\n{link}");

    /// <summary>A coordinator (or the named lead) answered a concern; like the concern, the answer's words stay in Upward.</summary>
    public static OutgoingEmail ConcernAnswered(string toAddress, string toName, string programmeName, string link, bool byNamedLead = false) =>
        byNamedLead
            ? new(toAddress, toName, $"The named lead for concerns has answered your concern in {programmeName}",
                $"The named lead for concerns in {programmeName} has answered the concern you raised. Sign in to read it:\n{link}")
            : new(toAddress, toName, $"A coordinator has answered your concern in {programmeName}",
                $"A coordinator of {programmeName} has answered the concern you raised. Sign in to read it:\n{link}");

    /// <summary>A session agreed or cancelled; the calendar invitation is attached by the caller.</summary>
    public static OutgoingEmail Session(string toAddress, string toName, string other, string when, string place, int timeLimitMinutes, bool cancelled) =>
        new(toAddress, toName,
            cancelled ? $"Cancelled: reverse mentoring session on {when}" : $"Reverse mentoring session on {when}",
            cancelled
                ? $"Your session with {other} on {when} is cancelled."
                : $"Your session with {other} is on {when}, at {place}, for up to {timeLimitMinutes} minutes. It is in confidence and never recorded.");

    /// <summary>A link to choose a new password; sent only to an account's proven address.</summary>
    public static OutgoingEmail PasswordReset(string toAddress, string toName, int linkMinutes, string link) =>
        new(toAddress, toName, "Reset your Upward password", $"""
            Dear {toName},

            Someone asked to reset the password of your Upward account. If it was you, open this
            link within {linkMinutes} minutes to choose a new password. It works once:
            {link}

            If it was not you, you can ignore this email: your password has not changed.
            """);

    /// <summary>Tells the person their password changed, so a change they did not make does not go unnoticed.</summary>
    public static OutgoingEmail PasswordChanged(string toAddress, string toName) =>
        new(toAddress, toName, "Your Upward password has been changed", $"""
            Dear {toName},

            The password of your Upward account has just been changed. Any other browser signed
            in to your account will be signed out within a minute.

            If you did not change it, reset your password now from the sign-in page ("Forgotten
            your password?") and tell your programme's coordinator.
            """);

    /// <summary>A link that proves the person's email address (accounts not made from an invitation link).</summary>
    public static OutgoingEmail ConfirmEmail(string toAddress, string toName, string link) =>
        new(toAddress, toName, "Confirm your email address for Upward", $"""
            Dear {toName},

            Please confirm that this is your email address for Upward, so that you can reset your
            password by email if you ever need to:
            {link}

            If you did not create an Upward account, you can ignore this email.
            """);
}

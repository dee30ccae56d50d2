namespace Upward.Web.Email;

/// <summary>A plain-text email with optional attachments (calendar invitations), and optionally an HTML version of the same words.</summary>
public sealed record OutgoingEmail(string ToAddress, string ToName, string Subject, string Body)
{
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    /// <summary>The same message as HTML, for mail clients that show it; the plain text stays the first part.</summary>
    public string? HtmlBody { get; init; }

    /// <summary>A Message-ID that stays the same if the message is ever sent again, so mail clients can tell it is one message.</summary>
    public string? MessageId { get; init; }

    /// <summary>Extra headers, such as List-Unsubscribe.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
}

public sealed record EmailAttachment(string FileName, string MediaType, byte[] Content);

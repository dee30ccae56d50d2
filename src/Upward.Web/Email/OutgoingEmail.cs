namespace Upward.Web.Email;

/// <summary>A plain-text email with optional attachments (calendar invitations).</summary>
public sealed record OutgoingEmail(string ToAddress, string ToName, string Subject, string Body)
{
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];
}

public sealed record EmailAttachment(string FileName, string MediaType, byte[] Content);

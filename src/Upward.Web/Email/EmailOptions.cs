namespace Upward.Web.Email;

/// <summary>Configuration section "Upward:Email".</summary>
public sealed class EmailOptions
{
    public const string Section = "Upward:Email";

    /// <summary>The sender people see, for example "Upward &lt;upward@example.nhs.uk&gt;".</summary>
    public string From { get; set; } = "Upward <upward@localhost>";

    /// <summary>An SMTP server; when empty, email is written as .eml files to <see cref="PickupFolder"/> instead.</summary>
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;

    /// <summary>"starttls" (default), "tls" (implicit, port 465) or "none" (a relay on the same host).</summary>
    public string SmtpSecurity { get; set; } = "starttls";
    public string? SmtpUsername { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary>
    /// Folder for .eml files when no SMTP server is configured (relative to the content root). An organisation
    /// administrator reads their organisation's messages on the Outbox page (/admin/outbox).
    /// </summary>
    public string PickupFolder { get; set; } = "data/mail";

    /// <summary>The address people use to reach Upward, for links in email; defaults to the request's own.</summary>
    public string? PublicBaseUrl { get; set; }

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);
}

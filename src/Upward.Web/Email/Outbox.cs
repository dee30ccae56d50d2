using MimeKit;

namespace Upward.Web.Email;

/// <summary>
/// Reads the .eml files written to the pickup folder when no SMTP server is configured, one
/// organisation's at a time (by <see cref="Mailer.OrganisationHeader"/>).
/// </summary>
public sealed class Outbox(Mailer mailer)
{
    /// <summary>How many messages the list shows at most: the newest.</summary>
    public const int ListLimit = 200;

    public sealed record Summary(string File, string To, string Subject, DateTimeOffset Sent);
    public sealed record Message(string File, string To, string Subject, string Body, IReadOnlyList<string> Attachments);

    public async Task<IReadOnlyList<Summary>> ListAsync(Guid organisationId, CancellationToken ct)
    {
        var folder = new DirectoryInfo(mailer.PickupFolder);
        if (!folder.Exists) return [];
        var list = new List<Summary>();
        // Names start with the time written, so ordering by name is newest first.
        foreach (var file in folder.GetFiles("*.eml").OrderByDescending(f => f.Name, StringComparer.Ordinal))
        {
            var mime = await MimeMessage.LoadAsync(file.FullName, ct);
            if (!BelongsTo(mime, organisationId)) continue;
            list.Add(new Summary(file.Name, mime.To.ToString(), mime.Subject ?? "", mime.Date));
            if (list.Count == ListLimit) break;
        }
        return list;
    }

    /// <summary>One message by its file name, or null when the name is not a plain file of this folder or the message is another organisation's.</summary>
    public async Task<Message?> OpenAsync(Guid organisationId, string file, CancellationToken ct)
    {
        // Only a plain file name from this folder: no paths, no other kinds of file.
        if (file.Length > 100 || file.IndexOfAny(['/', '\\', ':']) >= 0 || file.Contains("..", StringComparison.Ordinal)
            || !file.EndsWith(".eml", StringComparison.Ordinal))
        {
            return null;
        }
        var path = new FileInfo(Path.Combine(mailer.PickupFolder, file));
        if (!path.Exists || path.DirectoryName != Path.TrimEndingDirectorySeparator(mailer.PickupFolder)) return null;
        var mime = await MimeMessage.LoadAsync(path.FullName, ct);
        if (!BelongsTo(mime, organisationId)) return null;
        return new Message(file, mime.To.ToString(), mime.Subject ?? "", mime.TextBody ?? "",
            mime.Attachments.Select(a => a.ContentDisposition?.FileName ?? "attachment").ToList());
    }

    private static bool BelongsTo(MimeMessage mime, Guid organisationId) =>
        Guid.TryParse(mime.Headers[Mailer.OrganisationHeader], out var id) && id == organisationId;
}

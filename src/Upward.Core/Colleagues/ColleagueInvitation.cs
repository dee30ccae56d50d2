namespace Upward.Core.Colleagues;

/// <summary>
/// A colleague a mentee asked for anonymous 360° feedback, by email. The colleague has no account:
/// the link they are sent carries a random token, of which only the hash is kept. The invitation
/// records THAT the colleague answered (like a mentor's "has contributed" record), never what, and
/// never when: what they wrote is a sealed ballot with no link back to this row
/// (docs/decisions/anonymous-contributions.md, "Colleagues").
/// </summary>
public sealed class ColleagueInvitation
{
    /// <summary>How long a link works.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(21);

    /// <summary>The most colleagues one mentee may invite: enough for a 360°, too few to use it as a mailing list.</summary>
    public const int MostPerMentee = 30;

    public const int EmailMaxLength = 254;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public Guid MenteeEnrolmentId { get; init; }

    /// <summary>Normalised (trimmed, lower case), so one address cannot be invited twice.</summary>
    public string Email { get; init; } = "";

    /// <summary>SHA-256 of the link's token, in hex.</summary>
    public string TokenHash { get; init; } = "";

    public DateTime InvitedAtUtc { get; init; }
    public DateTime ExpiresAtUtc { get; init; }

    /// <summary>The link has been used: the colleague sent their feedback. Deliberately a flag, not a time.</summary>
    public bool Answered { get; set; }

    public bool IsOpen(DateTime nowUtc) => !Answered && nowUtc < ExpiresAtUtc;
}

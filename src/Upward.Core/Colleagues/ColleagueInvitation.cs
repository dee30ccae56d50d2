namespace Upward.Core.Colleagues;

/// <summary>
/// A colleague a mentee asked for anonymous 360° feedback, by email. The mentee only asks: a
/// coordinator approves the request before any email goes out (<see cref="Approve"/>), because
/// otherwise a mentee could invite k − 1 mailboxes of their own, answer those links, and single out
/// the one real colleague's words (docs/decisions/anonymous-contributions.md, "Colleagues"). The
/// colleague has no account: the link they are sent carries a random token, of which only the hash is
/// kept. The invitation records THAT the colleague answered (like a mentor's "has contributed"
/// record), never what, and never when: what they wrote is a sealed ballot with no link back to this row.
/// </summary>
public sealed class ColleagueInvitation
{
    /// <summary>How long a link works from when it is sent.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(21);

    /// <summary>The most colleagues one mentee may ask for: enough for a 360°, too few to use it as a mailing list.</summary>
    public const int MostPerMentee = 30;

    public const int EmailMaxLength = 254;
    public const int NameMaxLength = 100;
    public const int WorkingRelationshipMaxLength = 200;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public Guid MenteeEnrolmentId { get; init; }

    /// <summary>Normalised (trimmed, lower case), so one address cannot be asked for twice.</summary>
    public string Email { get; init; } = "";

    /// <summary>Who the colleague is, in the mentee's words: what the coordinator checks the address against.</summary>
    public string ColleagueName { get; init; } = "";

    /// <summary>How the colleague works with the mentee (for example "ward sister on 7B"), for the coordinator.</summary>
    public string WorkingRelationship { get; init; } = "";

    public ColleagueInvitationStatus Status { get; private set; } = ColleagueInvitationStatus.AwaitingApproval;

    /// <summary>SHA-256 of the link's token, in hex; null until the coordinator approves and the link is sent.</summary>
    public string? TokenHash { get; private set; }

    /// <summary>When the mentee asked.</summary>
    public DateTime InvitedAtUtc { get; init; }

    /// <summary>When the coordinator approved or declined; null while awaiting approval.</summary>
    public DateTime? DecidedAtUtc { get; private set; }

    /// <summary>When the link stops working; null until it is sent.</summary>
    public DateTime? ExpiresAtUtc { get; private set; }

    /// <summary>The link has been used: the colleague sent their feedback. Deliberately a flag, not a time.</summary>
    public bool Answered { get; set; }

    public bool IsOpen(DateTime nowUtc) => Status == ColleagueInvitationStatus.Sent && !Answered && nowUtc < ExpiresAtUtc;

    /// <summary>The coordinator approves: the link (whose token's hash is given) is sent now and works for <see cref="Lifetime"/>.</summary>
    public void Approve(string tokenHash, DateTime nowUtc)
    {
        EnsureAwaiting();
        ArgumentException.ThrowIfNullOrEmpty(tokenHash);
        Status = ColleagueInvitationStatus.Sent;
        TokenHash = tokenHash;
        DecidedAtUtc = nowUtc;
        ExpiresAtUtc = nowUtc + Lifetime;
    }

    /// <summary>The coordinator declines: no email is sent, and the address stays asked for, so it cannot be asked for again.</summary>
    public void Decline(DateTime nowUtc)
    {
        EnsureAwaiting();
        Status = ColleagueInvitationStatus.Declined;
        DecidedAtUtc = nowUtc;
    }

    private void EnsureAwaiting()
    {
        if (Status != ColleagueInvitationStatus.AwaitingApproval)
        {
            throw new InvalidOperationException($"This invitation has already been decided ({Status}).");
        }
    }
}

/// <summary>Where a mentee's request to ask a colleague stands.</summary>
public enum ColleagueInvitationStatus
{
    /// <summary>Asked for by the mentee; no email sent yet.</summary>
    AwaitingApproval,
    /// <summary>Approved by a coordinator and the link emailed.</summary>
    Sent,
    /// <summary>Not approved: no email was sent.</summary>
    Declined,
}

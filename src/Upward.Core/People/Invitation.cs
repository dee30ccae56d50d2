using Upward.Core.Programmes;

namespace Upward.Core.People;

/// <summary>
/// An invitation to join a programme in one role, redeemed once through an emailed link. Only the
/// link's hash is stored, so a copy of the database cannot be used to accept someone's invitation.
/// </summary>
public sealed class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public required string Email { get; init; }
    public required string Name { get; init; }
    public ProgrammeRole Role { get; init; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAtUtc { get; init; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? AcceptedAtUtc { get; set; }

    /// <summary>When the one reminder of an unanswered invitation was sent; an invitation is reminded of once.</summary>
    public DateTime? ReminderSentAtUtc { get; set; }
    public Guid? EnrolmentId { get; set; }

    /// <summary>Banded answers given by the coordinator's import, copied to the enrolment on acceptance.</summary>
    public DemographicBands Demographics { get; init; } = new();

    public bool IsOpen(DateTime nowUtc) => AcceptedAtUtc is null && ExpiresAtUtc > nowUtc;
}

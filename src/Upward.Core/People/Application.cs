using Upward.Core.Programmes;

namespace Upward.Core.People;

/// <summary>
/// An expression of interest in an openly recruiting programme (the usual route for inclusion
/// programmes and patient mentors, who have no staff record). Approval sends an invitation.
/// </summary>
public sealed class Application
{
    public const int StatementMaxLength = 2000;

    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public ProgrammeRole Role { get; init; }
    public required string Statement { get; init; }
    public DateTime SubmittedAtUtc { get; init; }
    public ApplicationStatus Status { get; set; } = ApplicationStatus.Pending;
    public DateTime? DecidedAtUtc { get; set; }
}

namespace Upward.Core.Themes;

/// <summary>
/// One coder attaching one theme to a free-text answer, or to a passage of it (start and length in
/// characters of the answer's text). The coder is an enrolment, so coding never needs a name.
/// </summary>
public sealed class Coding
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public Guid AnswerId { get; init; }
    public Guid ThemeId { get; set; }
    public Guid CoderEnrolmentId { get; init; }
    /// <summary>Settable because a later redaction moves the passage (<see cref="PassageAfterRedaction"/>).</summary>
    public int? PassageStart { get; set; }
    public int? PassageLength { get; set; }
    public DateTime CodedAtUtc { get; init; }
}

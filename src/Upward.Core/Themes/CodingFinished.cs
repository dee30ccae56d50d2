namespace Upward.Core.Themes;

/// <summary>
/// A coder's mark that they have finished coding an answer. Only then does a theme they did not
/// attach count as "no" in kappa; an answer not yet finished is left out of the agreement.
/// </summary>
public sealed class CodingFinished
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public Guid AnswerId { get; init; }
    public Guid CoderEnrolmentId { get; init; }
    public DateTime FinishedAtUtc { get; init; }
}

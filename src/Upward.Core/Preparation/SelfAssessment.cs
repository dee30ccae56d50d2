namespace Upward.Core.Preparation;

/// <summary>
/// A mentor's own view of their readiness before pairing. "Not yet" on a statement does not hold
/// them back: it tells the coordinator where to offer help, at induction or supervision.
/// </summary>
public sealed class SelfAssessment
{
    public Guid EnrolmentId { get; init; }
    public Guid ProgrammeId { get; init; }

    /// <summary>Keys of the <see cref="Statements"/> the mentor answered "not yet".</summary>
    public List<string> NotYet { get; set; } = [];

    /// <summary>What the mentor would like help with, in their words (optional).</summary>
    public string? HelpWanted { get; set; }
    public DateTime AssessedAtUtc { get; set; }

    public const int HelpWantedMaxLength = 1000;

    public sealed record Statement(string Key, string Text);

    public static readonly IReadOnlyList<Statement> Statements =
    [
        new("purpose", "I understand what reverse mentoring is and what the programme asks of me"),
        new("feedback", "I can give feedback using situation, behaviour, impact and a suggestion"),
        new("confidentiality", "I know what stays confidential and when it must go to the named lead"),
        new("support", "I know whom to contact if a session worries or upsets me"),
    ];
}

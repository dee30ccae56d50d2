namespace Upward.Core.Sessions;

/// <summary>
/// The agreement both sides accept before their first meeting. A programme starts from
/// <see cref="Rules"/> (version 0); its coordinator may edit it, each edit a new
/// <see cref="GroundRulesVersion"/>, and a pair accepts the version in force before their next session.
/// </summary>
public static class GroundRules
{
    public static readonly IReadOnlyList<string> Rules =
    [
        "We meet as equals. Seniority does not decide whose view counts.",
        "What is said in our sessions stays between us. Neither of us records a session in any way.",
        "The one limit to that confidence: patient safety, safeguarding and professional conduct. If either of us hears of a risk to a patient or a person, or of conduct that must be reported, we take it to the programme's named lead below, or through the usual safeguarding route.",
        "Nothing said here is used in appraisal, assessment, references or rotas.",
        "We keep to the agreed time limit unless we both choose to carry on.",
        "We do not write anything that could identify a patient, in Upward or anywhere else.",
        "Either of us can end the pairing at any time, without giving a reason. Nobody is at fault.",
        "Either of us can withdraw from the programme at any time from its page in Upward.",
    ];

    public const int MaxLength = 4000;
    public const int SafetyLeadMaxLength = 200;

    /// <summary>The rules as a coordinator edits them: one per line, blank lines dropped.</summary>
    public static IReadOnlyList<string> Parse(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim().TrimStart('-', '•', '*').Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>Checks an edit; null when it can be saved.</summary>
    public static string? Check(string? rules, string? safetyLead) =>
        Parse(rules).Count == 0 ? "Enter the ground rules, one per line"
        : (rules ?? "").Length > MaxLength ? $"The ground rules must be {MaxLength:N0} characters or fewer"
        : string.IsNullOrWhiteSpace(safetyLead) ? "Enter who concerns about patient safety, safeguarding or conduct go to, for example \"Dr Jo Patel, Freedom to Speak Up guardian\""
        : safetyLead.Trim().Length > SafetyLeadMaxLength ? $"The named lead must be {SafetyLeadMaxLength} characters or fewer"
        : null;
}

/// <summary>One version of a programme's ground rules, kept so that every acceptance says which words were accepted.</summary>
public sealed class GroundRulesVersion
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public Guid ProgrammeId { get; init; }
    public int Version { get; init; }

    /// <summary>One rule per line.</summary>
    public required string Rules { get; init; }

    /// <summary>Who concerns about patient safety, safeguarding or conduct go to: a name and role.</summary>
    public required string SafetyLead { get; init; }
    public DateTime CreatedAtUtc { get; init; }
}

namespace Upward.Core.People;

/// <summary>
/// The wording a participant agreed to. Texts are versioned and never edited: a change is a new
/// version, so every decision can show exactly what was agreed.
/// </summary>
public sealed record ConsentText(ConsentPurpose Purpose, int Version, string Question, string Explanation, bool Required)
{
    /// <summary>The texts in force. Raise the version (and keep the old text in history) when wording changes.</summary>
    public static readonly IReadOnlyList<ConsentText> Current =
    [
        new(ConsentPurpose.TakePart, 1,
            "Do you agree to take part in this programme?",
            "Taking part means answering short questionnaires, and taking part in feedback and one-to-one sessions in your role. You can withdraw at any time without giving a reason.",
            Required: true),
        new(ConsentPurpose.UseAnswersInEvaluation, 1,
            "Can your answers be used in the programme's evaluation?",
            "Your answers would be analysed under a code, never your name, and only reported in groups large enough that nobody can be singled out.",
            Required: false),
        new(ConsentPurpose.QuoteAnonymously, 1,
            "Can we quote your written answers anonymously?",
            "A short quote might appear in a report without your name or anything that identifies you.",
            Required: false),
    ];

    public static ConsentText For(ConsentPurpose purpose) => Current.Single(c => c.Purpose == purpose);
}

namespace Upward.Core.Sessions;

/// <summary>The agreement both sides accept before their first meeting.</summary>
public static class GroundRules
{
    public static readonly IReadOnlyList<string> Rules =
    [
        "We meet as equals. Seniority does not decide whose view counts.",
        "What is said in our sessions stays between us. Neither of us records a session in any way.",
        "The one limit to that confidence: if either of us hears of a risk to a patient's or a person's safety, we raise it through the usual safeguarding route.",
        "Nothing said here is used in appraisal, assessment, references or rotas.",
        "We keep to the agreed time limit unless we both choose to carry on.",
        "We do not write anything that could identify a patient, in Upward or anywhere else.",
        "Either of us can end the pairing at any time, without giving a reason, by telling the programme coordinator. Nobody is at fault.",
        "Either of us can withdraw from the programme at any time from its page in Upward.",
    ];
}

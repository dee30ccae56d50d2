namespace Upward.Core.People;

/// <summary>What happens to a withdrawing participant's answers (UK GDPR: their choice).</summary>
public enum WithdrawalChoice
{
    /// <summary>Keep answers already given, under the participant code only, for the evaluation.</summary>
    KeepAnonymised = 0,

    /// <summary>Erase everything they contributed that can be traced to them.</summary>
    Erase = 1,
}

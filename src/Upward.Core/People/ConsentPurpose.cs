namespace Upward.Core.People;

/// <summary>The separate things a participant is asked to agree to; each is decided on its own.</summary>
public enum ConsentPurpose
{
    /// <summary>To take part in the programme at all.</summary>
    TakePart = 0,

    /// <summary>To the use of their answers, de-identified, in the programme's evaluation.</summary>
    UseAnswersInEvaluation = 1,

    /// <summary>To being quoted anonymously in reports.</summary>
    QuoteAnonymously = 2,
}

namespace Upward.Core.Questionnaires;

/// <summary>The kinds of question an instrument is built from.</summary>
public enum ItemType
{
    /// <summary>One 1–5 rating with labelled ends.</summary>
    Scale = 0,

    /// <summary>One 1–5 rating per programme domain, scored as a total (out of 35 for seven domains).</summary>
    DomainGrid = 1,

    /// <summary>Yes or no, with an optional follow-up text.</summary>
    YesNo = 2,

    /// <summary>One answer from a fixed, ordered list.</summary>
    SingleChoice = 3,

    /// <summary>A whole number of minutes.</summary>
    Minutes = 4,

    /// <summary>Free text.</summary>
    FreeText = 5,
}

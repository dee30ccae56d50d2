namespace Upward.Core.Questionnaires;

/// <summary>When in a programme's method a questionnaire is answered.</summary>
public enum Stage
{
    BeforePhase1 = 0,
    AfterPhase1 = 1,
    BeforePhase2 = 2,
    AfterPhase2 = 3,

    /// <summary>Before the only phase of a one-phase programme.</summary>
    Before = 4,

    /// <summary>After the only phase of a one-phase programme.</summary>
    After = 5,

    /// <summary>
    /// In a waitlist control programme, the before-questionnaire answered again by the "start later"
    /// arm at the end of its waiting, when the "start now" arm answers after: the change while waiting.
    /// </summary>
    BeforeAgain = 6,
}

/// <summary>Words for stages, shared by every page.</summary>
public static class StageNames
{
    public static string Of(Stage stage) => stage switch
    {
        Stage.BeforePhase1 => "Before phase 1",
        Stage.AfterPhase1 => "After phase 1",
        Stage.BeforePhase2 => "Before phase 2",
        Stage.AfterPhase2 => "After phase 2",
        Stage.Before => "Before the programme",
        Stage.After => "After the programme",
        Stage.BeforeAgain => "Before, again (end of waiting)",
        _ => stage.ToString(),
    };
}

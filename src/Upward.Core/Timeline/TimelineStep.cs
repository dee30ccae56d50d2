using Upward.Core.Questionnaires;

namespace Upward.Core.Timeline;

/// <summary>A step of a programme's method, in the order the method runs them.</summary>
public enum TimelineStep
{
    Recruitment = 0,
    BeforePhase1Questionnaire = 1,
    GroupSession = 2,
    AfterPhase1Questionnaire = 3,
    BeforePhase2Questionnaire = 4,
    Allocation = 5,
    OneToOnes = 6,
    AfterPhase2Questionnaire = 7,
    BeforeQuestionnaire = 8,
    AfterQuestionnaire = 9,
    Evaluation = 10,

    /// <summary>
    /// A waitlist control's or stepped wedge's "Before, again": those who waited answer the before
    /// questionnaire a second time as their waiting ends. Its dates follow from the design (see the Waitlist pages).
    /// </summary>
    BeforeAgainQuestionnaire = 11,
}

/// <summary>The steps a programme runs, in order, and the questionnaire stage each questionnaire step opens.</summary>
public static class TimelineSteps
{
    private static readonly TimelineStep[] TwoPhases =
    [
        TimelineStep.Recruitment, TimelineStep.BeforePhase1Questionnaire, TimelineStep.GroupSession,
        TimelineStep.AfterPhase1Questionnaire, TimelineStep.BeforePhase2Questionnaire, TimelineStep.Allocation,
        TimelineStep.OneToOnes, TimelineStep.AfterPhase2Questionnaire, TimelineStep.Evaluation,
    ];

    private static readonly TimelineStep[] OnePhase =
    [
        TimelineStep.Recruitment, TimelineStep.BeforeQuestionnaire, TimelineStep.Allocation,
        TimelineStep.OneToOnes, TimelineStep.AfterQuestionnaire, TimelineStep.Evaluation,
    ];

    /// <summary>
    /// The method's steps for a programme with this many phases (the study's has two: group feedback, then
    /// one-to-ones); with a control (<paramref name="waits"/>: a waitlist or stepped wedge), "Before, again"
    /// comes after the first one-to-ones, when those who waited start theirs.
    /// </summary>
    public static IReadOnlyList<TimelineStep> For(int phases, bool waits = false)
    {
        var steps = phases >= 2 ? TwoPhases : OnePhase;
        if (!waits) return steps;
        var at = Array.IndexOf(steps, TimelineStep.OneToOnes) + 1;
        return [.. steps[..at], TimelineStep.BeforeAgainQuestionnaire, .. steps[at..]];
    }

    /// <summary>The questionnaire stage a step opens and closes, or null for a step without a questionnaire.</summary>
    public static Stage? StageOf(TimelineStep step) => step switch
    {
        TimelineStep.BeforePhase1Questionnaire => Stage.BeforePhase1,
        TimelineStep.AfterPhase1Questionnaire => Stage.AfterPhase1,
        TimelineStep.BeforePhase2Questionnaire => Stage.BeforePhase2,
        TimelineStep.AfterPhase2Questionnaire => Stage.AfterPhase2,
        TimelineStep.BeforeQuestionnaire => Stage.Before,
        TimelineStep.AfterQuestionnaire => Stage.After,
        TimelineStep.BeforeAgainQuestionnaire => Stage.BeforeAgain,
        _ => null,
    };

    public static string NameOf(TimelineStep step) => step switch
    {
        TimelineStep.Recruitment => "Recruitment and consent",
        TimelineStep.GroupSession => "Group feedback session (phase 1)",
        TimelineStep.Allocation => "Allocation of mentors to mentees",
        TimelineStep.OneToOnes => "One-to-one sessions",
        TimelineStep.Evaluation => "Evaluation",
        _ => StageOf(step) is { } stage ? $"{StageNames.Of(stage)} questionnaires" : step.ToString(),
    };
}

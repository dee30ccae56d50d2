namespace Upward.Core.Questionnaires;

/// <summary>
/// Whom a stage's questionnaire is for. Phase 2 is the one-to-one: someone never paired has nothing
/// to say about it, so they are not asked, and their not answering is "not applicable", not missing.
/// </summary>
public static class StageApplicability
{
    public static bool IsAboutTheOneToOne(Stage stage) => stage is Stage.BeforePhase2 or Stage.AfterPhase2;

    public static bool AppliesTo(Stage stage, bool everPaired) => everPaired || !IsAboutTheOneToOne(stage);
}

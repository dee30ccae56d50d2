namespace Upward.Core.Questionnaires;

/// <summary>
/// Whom a stage's questionnaire is for. The questionnaire after the one-to-one (after phase 2, or
/// "after the programme" in a one-phase programme) asks about a pairing: someone never paired has
/// nothing to say about it, so they are not asked, and their not answering is "not applicable", not
/// missing. The questionnaire before phase 2 comes before allocation, so it is put to everyone.
/// </summary>
public static class StageApplicability
{
    /// <summary>The stages that are about the one-to-one, for queries that filter by stage.</summary>
    public static readonly Stage[] AboutTheOneToOne = [Stage.AfterPhase2, Stage.After];

    public static bool IsAboutTheOneToOne(Stage stage) => AboutTheOneToOne.Contains(stage);

    public static bool AppliesTo(Stage stage, bool everPaired) => AppliesTo(stage, everPaired, toldTheyWait: false);

    /// <summary>
    /// As above, and the waiting list's second before-questionnaire only for someone told they are in
    /// the "start later" arm of a waitlist control (asking anyone else, or asking before the arms are
    /// released, would give the allocation away).
    /// </summary>
    public static bool AppliesTo(Stage stage, bool everPaired, bool toldTheyWait) => stage == Stage.BeforeAgain
        ? toldTheyWait
        : everPaired || !IsAboutTheOneToOne(stage);
}

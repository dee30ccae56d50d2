namespace Upward.Core.Designs;

/// <summary>
/// A mentee's arm in a waitlist control programme. Everyone is mentored; the later arm waits first,
/// and its change while waiting is what the programme's change is compared against.
/// </summary>
public enum Arm
{
    StartNow = 0,
    StartLater = 1,
}

/// <summary>Words for arms, shared by the coordinator's pages, the mentee's page and the report.</summary>
public static class ArmNames
{
    public static string Of(Arm arm) => arm == Arm.StartNow ? "Start now" : "Start later";

    /// <summary>What being in the arm means, told to the mentee once the coordinator releases the allocation.</summary>
    public static string Meaning(Arm arm) => arm == Arm.StartNow
        ? "You will be paired with a mentor in this round. You answer the questionnaire before and after your mentoring."
        : "You will be paired with a mentor in the next round, once the first round has finished. Until then you answer the same questionnaire twice — now, and again when the first round ends — so that the programme can tell its own effect from what changes anyway over time. You are not missing out: you will be mentored in the same way.";
}

namespace Upward.Core.Designs;

/// <summary>
/// What a mentee of a waitlist control or stepped wedge is told about their own start, in plain words:
/// when the arms or schedule are released, and when a later arm or step starts. Each message is about
/// its reader alone — never how many others start when, who they are, or which department is where —
/// so that it can be read aloud, forwarded or seen over a shoulder without telling anything of anyone else.
/// </summary>
public static class StartMessages
{
    /// <summary>The subject of every such message.</summary>
    public static string Subject(string programme) => $"When you start: {programme}";

    /// <summary>
    /// At release, to a mentee of a waitlist control. The later arm has no date: the coordinator starts it
    /// by hand when the first arm's mentoring is done.
    /// </summary>
    public static string WaitlistReleased(string programme, Arm arm) => arm == Arm.StartNow
        ? $"In {programme}, you start now: you will be paired with a mentor in this round, and you answer the questionnaire again after your mentoring."
        : $"In {programme}, you start later, after a waiting period: you will be paired with a mentor in the next round, when the coordinator starts it. "
          + "You will be asked the before questionnaire again then, before you meet your mentor, so that the programme can tell its own effect from what changes anyway over time. You are not missing out: you will be mentored in the same way.";

    /// <summary>
    /// At release, to a mentee of a stepped wedge: their step's start date (in long form, e.g. "Monday 8
    /// February 2027"), or "now" when their step has already started.
    /// </summary>
    public static string SteppedWedgeReleased(string programme, int step, string startsOn, bool started) => step <= 1
        ? (started
            ? $"In {programme}, your department starts now: you will be paired with a mentor soon, and you answer the questionnaire again after your mentoring."
            : $"In {programme}, your department starts on {startsOn}: you will be paired with a mentor then, and you answer the questionnaire again after your mentoring.")
        : $"In {programme}, your department starts on {startsOn}, after a waiting period. "
          + "You will be asked the before questionnaire again then, before you meet your mentor, so that the programme can tell its own effect from what changes anyway over time. You are not missing out: you will be mentored in the same way.";

    /// <summary>When the mentee's own later arm or step starts.</summary>
    public static string Started(string programme) =>
        $"Your waiting in {programme} is over and your mentoring starts now: you will be paired with a mentor soon. "
        + "Before you meet them, please answer the before questionnaire again; you will be told when it is open for you.";
}

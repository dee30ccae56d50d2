namespace Upward.Core.Designs;

/// <summary>
/// When a mentee of a randomised programme may be paired: the draw must be made first (a mentee paired
/// before randomisation would be in no arm or step), and then only once their own step has started.
/// In a waitlist the "start now" arm (step 1) starts at once and the "start later" arm when the
/// coordinator starts it; in a stepped wedge each step starts when the coordinator starts it or, once
/// the schedule is released, on its date. Pairing earlier would end the waiting, which is the control.
/// </summary>
public static class WaitlistPairing
{
    /// <summary>Why the mentee may not be paired yet, in plain English; null when they may.</summary>
    public static string? WhyNotYet(WaitlistAllocation? allocation, Arm? arm) => (allocation, arm) switch
    {
        (null, _) => "Waiting for the randomisation to start now or later",
        (_, null) => "Joined after the randomisation, so in neither arm",
        (_, Arm.StartLater) when allocation.LaterArmStartedAtUtc is null => "Start later arm: waiting until the later arm starts",
        _ => null,
    };

    /// <summary>
    /// As above for either design: <paramref name="steppedWedge"/> from the analysis plan, <paramref name="step"/>
    /// the mentee's step (null when not drawn), <paramref name="steps"/> a stepped wedge's steps (empty for a waitlist).
    /// </summary>
    public static string? WhyNotYet(bool steppedWedge, WaitlistAllocation? allocation, int? step, IReadOnlyList<DesignStep> steps)
    {
        if (!steppedWedge) return WhyNotYet(allocation, step is { } s ? Steps.ArmOf(s) : null);
        if (allocation is null) return "Waiting for the departments to be drawn to steps";
        if (step is not { } n) return "Joined after the departments were drawn to steps, so in no step";
        var own = steps.FirstOrDefault(x => x.Number == n);
        return own?.StartedAtUtc is null ? $"Step {n}: waiting until the step starts ({own?.StartsOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))})" : null;
    }
}

namespace Upward.Core.Designs;

/// <summary>
/// When a mentee of a waitlist control may be paired: the arms must be drawn first (a mentee paired
/// before randomisation would be in neither arm), the "start now" arm at once, and the "start later"
/// arm only once the coordinator has started it — pairing it earlier would end its waiting, which is
/// the control.
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
}

namespace Upward.Web.Scheduling;

/// <summary>Configuration section "Upward:Scheduler".</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Upward:Scheduler";

    /// <summary>Off only where something else runs the jobs (tests that step a fake clock and run them by hand).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the scheduler looks for jobs due to run.</summary>
    public int TickSeconds { get; set; } = 20;

    /// <summary>How long a lease lasts; a run longer than this could overlap with another instance's, so it is well above any run.</summary>
    public int LeaseSeconds { get; set; } = 300;
}

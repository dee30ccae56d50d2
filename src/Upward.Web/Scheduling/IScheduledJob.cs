namespace Upward.Web.Scheduling;

/// <summary>Work the scheduler runs every so often on one instance of Upward at a time.</summary>
public interface IScheduledJob
{
    /// <summary>Names the job's lease; unique among jobs.</summary>
    string Name { get; }

    /// <summary>How long to wait between runs.</summary>
    TimeSpan Every { get; }

    /// <summary>Does one run. Must be safe to repeat: a run cut short by a stopped instance is run again by another.</summary>
    Task RunAsync(CancellationToken ct);
}

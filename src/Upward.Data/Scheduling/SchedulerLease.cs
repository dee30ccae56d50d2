namespace Upward.Data.Scheduling;

/// <summary>
/// Who may run one scheduled job now. Every instance of Upward on the database tries to take the lease
/// before a run; one update settles it, so a job runs on one instance at a time, and a lease left by a
/// stopped instance lapses at <see cref="HeldUntilUtc"/>.
/// </summary>
public sealed class SchedulerLease
{
    public required string Job { get; init; }
    public string? Holder { get; set; }
    public DateTime HeldUntilUtc { get; set; }

    /// <summary>When a run last finished; the health check reads it as the scheduler's heartbeat.</summary>
    public DateTime? LastRunAtUtc { get; set; }
}

using Microsoft.Extensions.Options;
using Upward.Data;
using Upward.Data.Scheduling;

namespace Upward.Web.Scheduling;

/// <summary>
/// Runs each <see cref="IScheduledJob"/> when it is due, on whichever instance takes the job's lease in the
/// database first. A job that fails is logged and tried again at its next turn; it never stops the others.
/// </summary>
public sealed class Scheduler(IServiceScopeFactory scopes, IOptions<SchedulerOptions> options, TimeProvider clock, Telemetry.UpwardMetrics metrics, ILogger<Scheduler> log)
    : BackgroundService
{
    /// <summary>This instance, as named on the leases it holds.</summary>
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        var tick = TimeSpan.FromSeconds(Math.Max(1, options.Value.TickSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The scheduler's turn failed");
            }
            try
            {
                await Task.Delay(tick, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One turn: runs every job whose time has come and whose lease this instance can take.</summary>
    public async Task RunDueAsync(CancellationToken ct)
    {
        List<string> names;
        await using (var scope = scopes.CreateAsyncScope())
        {
            names = scope.ServiceProvider.GetServices<IScheduledJob>().Select(j => j.Name).ToList();
        }
        foreach (var name in names)
        {
            await RunOneAsync(name, ct);
        }
    }

    private async Task RunOneAsync(string name, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UpwardDbContext>();
        var job = scope.ServiceProvider.GetServices<IScheduledJob>().Single(j => j.Name == name);
        var now = clock.GetUtcNow().UtcDateTime;
        // The lease is free only once the job is due: giving it back sets the next run for every instance.
        if (!await db.TryTakeAsync(name, _holder, now, now.AddSeconds(options.Value.LeaseSeconds), ct))
        {
            return; // another instance is running it
        }
        using var activity = Telemetry.UpwardMetrics.Activities.StartActivity($"scheduler {name}");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var succeeded = false;
        try
        {
            await job.RunAsync(ct);
            succeeded = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Scheduled job {Job} failed; it runs again at its next turn", name);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.GetType().Name);
        }
        finally
        {
            metrics.SchedulerRan(name, succeeded, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            await db.ReleaseAsync(name, _holder, clock.GetUtcNow().UtcDateTime, job.Every, CancellationToken.None);
        }
    }
}

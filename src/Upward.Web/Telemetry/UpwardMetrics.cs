using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Upward.Web.Telemetry;

/// <summary>
/// Upward's own measurements, under the meter and activity source "Upward": emails sent and failed, and
/// the scheduler's runs of each job. Each host has its own meter (through <see cref="IMeterFactory"/>),
/// so two instances in one process (tests) count apart.
/// </summary>
public sealed class UpwardMetrics
{
    public const string Name = "Upward";

    /// <summary>Traces of the scheduler's job runs, beside ASP.NET Core's and EF Core's.</summary>
    public static readonly ActivitySource Activities = new(Name);

    private readonly Counter<long> _emailsSent;
    private readonly Counter<long> _emailsFailed;
    private readonly Counter<long> _schedulerRuns;
    private readonly Histogram<double> _schedulerRunSeconds;

    public UpwardMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _emailsSent = meter.CreateCounter<long>("upward.emails.sent", "{email}", "Emails handed to the SMTP server or written to the pickup folder.");
        _emailsFailed = meter.CreateCounter<long>("upward.emails.failed", "{email}", "Emails that could not be handed over (each try counts).");
        _schedulerRuns = meter.CreateCounter<long>("upward.scheduler.runs", "{run}", "Scheduled job runs on this instance, by job and outcome.");
        _schedulerRunSeconds = meter.CreateHistogram<double>("upward.scheduler.run.duration", "s", "How long each scheduled job run took.");
    }

    public void EmailSent(string transport) => _emailsSent.Add(1, new KeyValuePair<string, object?>("transport", transport));

    public void EmailFailed(string transport) => _emailsFailed.Add(1, new KeyValuePair<string, object?>("transport", transport));

    public void SchedulerRan(string job, bool succeeded, TimeSpan took)
    {
        var tags = new TagList { { "job", job }, { "outcome", succeeded ? "succeeded" : "failed" } };
        _schedulerRuns.Add(1, tags);
        _schedulerRunSeconds.Record(took.TotalSeconds, tags);
    }
}

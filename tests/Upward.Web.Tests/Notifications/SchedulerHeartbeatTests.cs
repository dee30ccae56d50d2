using System.Net;
using Microsoft.Extensions.Time.Testing;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Notifications;

/// <summary>/health/scheduler tells an operator whether any instance is still running the scheduled jobs.</summary>
public sealed class SchedulerHeartbeatTests
{
    [Fact]
    public async Task The_heartbeat_is_degraded_before_the_first_run_healthy_after_it_and_unhealthy_when_runs_stop()
    {
        using var factory = new UpwardFactory { Clock = new FakeTimeProvider(new DateTimeOffset(2027, 1, 12, 10, 0, 0, TimeSpan.Zero)) };
        var client = factory.CreateClient();
        var before = await client.GetAsync("/health/scheduler");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal("Degraded", await before.Content.ReadAsStringAsync());

        await factory.RunScheduledJobsAsync();
        Assert.Equal("Healthy", await client.GetStringAsync("/health/scheduler"));

        factory.Clock!.Advance(TimeSpan.FromMinutes(11));
        var stale = await client.GetAsync("/health/scheduler");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stale.StatusCode);
        Assert.Equal("Unhealthy", await stale.Content.ReadAsStringAsync());
        // Pages are still served: the scheduler is not part of readiness.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}

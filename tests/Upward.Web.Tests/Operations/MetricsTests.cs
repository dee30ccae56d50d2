using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Operations;

/// <summary>
/// The Prometheus endpoint: off unless turned on; when on, it shows Upward's counters (emails, scheduler
/// runs) beside ASP.NET Core's, to this machine and named readers, never through the proxy.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed partial class MetricsTests
{
    // Tuesday 12 January 2027, 10:00 GMT: outside the quiet hours, so due emails go at once.
    private static readonly DateTimeOffset Morning = new(2027, 1, 12, 10, 0, 0, TimeSpan.Zero);

    private sealed class MetricsFactory : UpwardFactory
    {
        public bool Prometheus { get; init; } = true;

        public MetricsFactory()
        {
            Demo = true;
            Clock = new FakeTimeProvider(Morning);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Upward:Telemetry:Prometheus", Prometheus ? "true" : "false");
            builder.UseSetting("Upward:Telemetry:MetricsReaders:0", "192.0.2.10");
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ClientAddresses()));
        }
    }

    [Fact]
    public async Task Metrics_show_the_emails_sent_and_the_scheduler_runs()
    {
        using var factory = new MetricsFactory();
        // The scheduler's first turn announces the demo's open questionnaire by email.
        await factory.RunScheduledJobsAsync();
        var sent = factory.Sent().Count;
        Assert.True(sent > 0, "the first turn should have sent the demo's questionnaire emails");

        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
        var metrics = await ScrapeAsync(client);
        Assert.Equal(sent, Value(metrics, "upward_emails_sent_total"));
        Assert.Equal(0, Value(metrics, "upward_emails_failed_total"));
        // One run of each job: the timeline, reminders, delivery and the stepped wedge's steps.
        Assert.Equal(4, Value(metrics, "upward_scheduler_runs_total"));
        Assert.Contains("job=\"notifications.deliver\"", metrics, StringComparison.Ordinal);
        // ASP.NET Core's own request metrics are there too.
        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);

        // A named reader may scrape; anyone else, and anything through the proxy, finds nothing there.
        Assert.Equal(HttpStatusCode.OK, (await client.From("192.0.2.10").GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.From("203.0.113.7").GetAsync("/metrics")).StatusCode);
        // nginx on this machine passing on a request from outside.
        var proxied = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { { ClientAddresses.Header, "127.0.0.1" }, { "X-Forwarded-For", "203.0.113.7" } } };
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().SendAsync(proxied)).StatusCode);
    }

    [Fact]
    public async Task There_is_no_metrics_endpoint_unless_it_is_turned_on()
    {
        using var factory = new MetricsFactory { Prometheus = false };
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/metrics")).StatusCode);
    }

    private static async Task<string> ScrapeAsync(HttpClient client)
    {
        // The exporter caches a scrape for a moment; the counts are already final here.
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sum of a counter's series (0 when it has none yet).</summary>
    private static double Value(string metrics, string name) =>
        metrics.Split('\n').Where(l => l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
            .Sum(l => double.Parse(SampleValue().Match(l).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"\}?\s([0-9.eE+-]+)(\s\d+)?$")]
    private static partial Regex SampleValue();
}

/// <summary>
/// The metrics tests run alone, after the rest: OpenTelemetry listens to every meter named "Upward" in
/// the process, so an email sent by another test's host at the same moment would be counted here too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics, alone";
}

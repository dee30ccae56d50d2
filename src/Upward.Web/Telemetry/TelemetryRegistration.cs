using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Upward.Web.Telemetry;

/// <summary>
/// OpenTelemetry: metrics (ASP.NET Core requests, EF Core, Npgsql, Upward's own) and traces (requests,
/// EF Core commands, scheduler runs), exported only where an operator asks: Prometheus at /metrics,
/// an OTLP collector, or both. With neither, nothing listens and the counters cost next to nothing.
/// </summary>
internal static class TelemetryRegistration
{
    public static void AddUpwardTelemetry(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TelemetryOptions.Section);
        builder.Services.Configure<TelemetryOptions>(section);
        builder.Services.AddSingleton<UpwardMetrics>();
        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = !string.IsNullOrWhiteSpace(options.OtlpEndpoint);
        if (!options.Prometheus && !otlp)
        {
            return;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("upward", serviceInstanceId: $"{Environment.MachineName}/{Environment.ProcessId}"))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddMeter(UpwardMetrics.Name, "Microsoft.EntityFrameworkCore", "Npgsql");
                if (options.Prometheus) metrics.AddPrometheusExporter();
                if (otlp) metrics.AddOtlpExporter(o => o.Endpoint = new Uri(options.OtlpEndpoint!));
            });
        if (otlp)
        {
            // Traces need somewhere to go; Prometheus takes metrics only.
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health") && !c.Request.Path.StartsWithSegments(TelemetryOptions.PrometheusPath))
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource(UpwardMetrics.Name, "Npgsql")
                .AddOtlpExporter(o => o.Endpoint = new Uri(options.OtlpEndpoint!)));
        }
    }

    /// <summary>The Prometheus endpoint, when turned on, for this machine and the named readers only.</summary>
    public static void MapUpwardMetrics(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (!options.Prometheus) return;
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == TelemetryOptions.PrometheusPath && MetricsReaders.MayRead(context, options));
    }
}

namespace Upward.Web.Telemetry;

/// <summary>Configuration section "Upward:Telemetry": everything off unless an operator turns it on (docs/operations.md).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Upward:Telemetry";

    /// <summary>Serve Prometheus's text format at <see cref="PrometheusPath"/> (Upward__Telemetry__Prometheus=true).</summary>
    public bool Prometheus { get; set; }

    public const string PrometheusPath = "/metrics";

    /// <summary>
    /// Who may read /metrics besides this machine: IP addresses (a Prometheus server elsewhere), comma separated
    /// in the environment. Requests that came through a proxy are refused whatever their address.
    /// </summary>
    public string[] MetricsReaders { get; set; } = [];

    /// <summary>
    /// An OTLP collector for traces and metrics (for example http://127.0.0.1:4317); none by default. The
    /// standard OTEL_EXPORTER_OTLP_* variables refine it.
    /// </summary>
    public string? OtlpEndpoint { get; set; }
}

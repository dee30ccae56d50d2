using System.Net;

namespace Upward.Web.Telemetry;

/// <summary>
/// Who may read /metrics. Request counts per page, email and scheduler figures say how the service is
/// used: not for the public. A scrape must come straight to the instance (not through the reverse proxy,
/// which adds forwarding headers) from this machine or from an address the operator named.
/// </summary>
internal static class MetricsReaders
{
    public static bool MayRead(HttpContext context, TelemetryOptions options)
    {
        var headers = context.Request.Headers;
        // Through a proxy: refused. (Read before UseForwardedHeaders, which would take the header away.)
        if (headers.ContainsKey("X-Forwarded-For") || headers.ContainsKey("Forwarded"))
        {
            return false;
        }
        var peer = context.Connection.RemoteIpAddress;
        // No address: a Unix socket or an in-process test host, both on this machine.
        if (peer is null || IPAddress.IsLoopback(peer)) return true;
        if (peer.IsIPv4MappedToIPv6) peer = peer.MapToIPv4();
        return options.MetricsReaders.Any(r => IPAddress.TryParse(r.Trim(), out var allowed) && allowed.Equals(peer));
    }
}

using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Upward.Web.Startup;

/// <summary>
/// Behind a reverse proxy that terminates HTTPS, the request reaches Upward over plain HTTP; the
/// proxy's X-Forwarded-Proto and X-Forwarded-For restore the scheme (so cookies are Secure and HSTS
/// is sent) and the client's address (for rate limits). Only from the proxies named in
/// Upward:KnownProxies (addresses) or Upward:KnownNetworks (CIDR ranges), separated by commas;
/// with neither, only a proxy on this machine (loopback) is believed, as ASP.NET Core does by default.
/// </summary>
internal static class Proxies
{
    public const string KnownProxiesSetting = "Upward:KnownProxies";
    public const string KnownNetworksSetting = "Upward:KnownNetworks";

    public static void AddUpwardForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Split(configuration[KnownProxiesSetting]);
        var networks = Split(configuration[KnownNetworksSetting]);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.Length == 0 && networks.Length == 0) return; // loopback only
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
    }

    private static string[] Split(string? value) =>
        (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

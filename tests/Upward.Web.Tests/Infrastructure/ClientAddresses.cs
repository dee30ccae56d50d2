using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Upward.Web.Tests.Infrastructure;

/// <summary>
/// The test server has no network peer; with this start-up filter a test names the address each
/// request comes from (header X-Test-Peer), as Kestrel would give it, before Upward's own pipeline.
/// </summary>
public sealed class ClientAddresses : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var peer))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer!);
            }
            await nextMiddleware();
        });
        next(app);
    };
}

public static class ClientAddressExtensions
{
    /// <summary>This client's requests come from <paramref name="address"/> (needs <see cref="ClientAddresses"/> in the host).</summary>
    public static HttpClient From(this HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Remove(ClientAddresses.Header);
        client.DefaultRequestHeaders.Add(ClientAddresses.Header, address);
        return client;
    }
}

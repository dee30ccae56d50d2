using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Upward.Web.Email;

/// <summary>
/// Absolute links for email: the configured public address; otherwise the address of the current request;
/// otherwise (a scheduled job, with no request) the first address this server listens on.
/// </summary>
public sealed class PublicLinks(IOptions<EmailOptions> options, IHttpContextAccessor http, IServer server)
{
    public string To(string path)
    {
        var configured = options.Value.PublicBaseUrl;
        var baseUrl = !string.IsNullOrWhiteSpace(configured)
            ? configured
            : http.HttpContext is { } context ? $"{context.Request.Scheme}://{context.Request.Host}" : ListeningAddress();
        return baseUrl.TrimEnd('/') + path;
    }

    private string ListeningAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5000";
        // Kestrel may report a wildcard host ("http://[::]:5000", "http://+:80"); a link needs a name.
        return address.Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
    }
}

using System.Net;

namespace Upward.Web.Tests.Infrastructure;

/// <summary>
/// One browser's cookies across several instances of Upward, as behind a load balancer that sends each
/// request wherever it likes: clients made here for different test hosts share one cookie jar.
/// Redirects are not followed, so tests see each step.
/// </summary>
public sealed class SharedCookies
{
    private static readonly Uri Site = new("http://localhost");
    private readonly CookieContainer _jar = new();

    public HttpClient ClientFor(UpwardFactory instance) => instance.CreateDefaultClient(Site, new JarHandler(_jar));

    public string? Value(string name) => _jar.GetCookies(Site)[name]?.Value;

    private sealed class JarHandler(CookieContainer jar) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = jar.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0) request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                foreach (var cookie in cookies) jar.SetCookies(request.RequestUri!, cookie);
            }
            return response;
        }
    }
}

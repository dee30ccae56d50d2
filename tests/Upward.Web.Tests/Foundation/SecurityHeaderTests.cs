using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Foundation;

/// <summary>The hardening headers on every kind of response, and forwarded headers only from known proxies.</summary>
public sealed class SecurityHeaderTests(SecurityHeaderTests.ProxiedFactory factory) : IClassFixture<SecurityHeaderTests.ProxiedFactory>
{
    /// <summary>The proxy Upward is told to believe, and another address that merely claims to be one.</summary>
    private const string Proxy = "10.0.0.5", Stranger = "10.0.0.9";

    /// <summary>The demo, with a known proxy and a way for a test to say which address a request comes from.</summary>
    public sealed class ProxiedFactory : UpwardFactory
    {
        public ProxiedFactory() => Demo = true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Upward:KnownProxies", Proxy);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ClientAddresses()));
        }
    }

    private static void AssertHardened(HttpResponseMessage response, string what)
    {
        var csp = string.Join(";", response.Headers.TryGetValues("Content-Security-Policy", out var values) ? values : []);
        Assert.False(string.IsNullOrEmpty(csp), $"{what}: no Content-Security-Policy");
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Single(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Single(response, "Permissions-Policy"));
        Assert.Contains("microphone=()", Single(response, "Permissions-Policy"));
        Assert.False(response.Headers.Contains("Server"), $"{what}: Server header");
    }

    private static string Single(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single()
        : response.Content.Headers.TryGetValues(name, out var content) ? content.Single() : "";

    [Fact]
    public async Task Every_kind_of_response_carries_the_headers()
    {
        var anonymous = factory.Browser();
        AssertHardened(await anonymous.GetAsync("/"), "public page");
        AssertHardened(await anonymous.GetAsync("/account/sign-in"), "sign-in page");
        AssertHardened(await anonymous.GetAsync("/css/upward.css"), "static file");
        AssertHardened(await anonymous.GetAsync("/no-such-page"), "not found page");
        AssertHardened(await anonymous.GetAsync("/health/live"), "health check");

        var researcher = await factory.AsAsync("researcher");
        var id = await factory.ProgrammeIdAsync();
        var signedIn = await researcher.GetAsync($"/programmes/{id}");
        AssertHardened(signedIn, "signed-in page");
        Assert.Contains("no-store", signedIn.Headers.CacheControl?.ToString());
        var download = await researcher.GetAsync($"/programmes/{id}/evaluation/export/bundle.json");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.NotNull(download.Content.Headers.ContentDisposition);
        Assert.Contains("no-store", download.Headers.CacheControl?.ToString());
        AssertHardened(download, "file download");
        AssertHardened(await researcher.GetAsync($"/programmes/{Guid.NewGuid()}"), "error page for another programme");
    }

    [Fact]
    public async Task The_inline_script_runs_only_by_this_requests_nonce()
    {
        var response = await factory.Browser().GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var nonce = System.Text.RegularExpressions.Regex.Match(response.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;

        Assert.True(nonce.Length >= 20);
        Assert.Contains($"<script nonce=\"{nonce}\">", html);
        // Every other script is a file; no element carries a style attribute or an inline handler.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script(?![^>]*\\bsrc=)"));
        Assert.DoesNotMatch("\\sstyle=\"|\\son[a-z]+=\"", html);
        var again = (await factory.Browser().GetAsync("/")).Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain(nonce, again);
    }

    private HttpRequestMessage Forwarded(string path, string peer) => new(HttpMethod.Get, path)
    {
        Headers = { { ClientAddresses.Header, peer }, { "X-Forwarded-Proto", "https" }, { "X-Forwarded-For", "203.0.113.7" }, { "Host", "upward.trust.example" } },
    };

    [Fact]
    public async Task Behind_a_known_proxy_over_https_cookies_are_secure_and_hsts_is_sent()
    {
        var response = await factory.Browser().SendAsync(Forwarded("/account/sign-in", Proxy));

        Assert.Contains("max-age=31536000", Single(response, "Strict-Transport-Security"));
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Another_address_claiming_https_is_not_believed()
    {
        var response = await factory.Browser().SendAsync(Forwarded("/account/sign-in", Stranger));

        Assert.Equal("", Single(response, "Strict-Transport-Security"));
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Plain_http_has_no_hsts()
    {
        Assert.Equal("", Single(await factory.Browser().GetAsync("/"), "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Kestrel_sends_no_server_header()
    {
        using var live = new KestrelFactory();
        using var client = new HttpClient { BaseAddress = new Uri(live.Address) };
        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"));
        AssertHardened(response, "home page over Kestrel");
    }

    private sealed class KestrelFactory : UpwardFactory
    {
        public KestrelFactory()
        {
            UseKestrel();
            StartServer();
            Address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        }

        public string Address { get; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("urls", "http://127.0.0.1:0");
        }
    }
}

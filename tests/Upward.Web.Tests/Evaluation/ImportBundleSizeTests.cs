using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Upward.Web.Demo;
using Upward.Web.Pages.Evaluation;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Evaluation;

/// <summary>The demo on real Kestrel, which (unlike the test server) enforces the request size limit.</summary>
public sealed class KestrelDemoFactory : UpwardFactory
{
    public KestrelDemoFactory()
    {
        Demo = true;
        UseKestrel();
        StartServer();
        BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri BaseAddress { get; }

    /// <summary>The signed-in administrator's cookies, for a request sent by hand.</summary>
    public CookieContainerHandler Cookies { get; private set; } = new();

    /// <summary>
    /// A client signed in as the demo administrator over plain HTTP. The app's cookies are Secure,
    /// which a browser accepts from 127.0.0.1 but HttpClient does not, so the flag is dropped here.
    /// </summary>
    public async Task<HttpClient> AdminAsync()
    {
        Cookies = new CookieContainerHandler
        {
            InnerHandler = new InsecureCookies { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false } },
        };
        var client = new HttpClient(Cookies) { BaseAddress = BaseAddress };
        var response = await client.SignInAsync(DemoProgramme.EmailOf("admin"), DemoProgramme.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private sealed class InsecureCookies : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                var plain = cookies.Select(c => string.Join(';', c.Split(';').Where(part => !part.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase)))).ToList();
                response.Headers.Remove("Set-Cookie");
                foreach (var cookie in plain) response.Headers.TryAddWithoutValidation("Set-Cookie", cookie);
            }
            return response;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Port 0: the operating system picks a free one.
        builder.UseSetting("urls", "http://127.0.0.1:0");
    }
}

/// <summary>Files near and over the 100 MB limit: an explanation every time, never a 500 or a bare page.</summary>
public sealed class ImportBundleSizeTests(KestrelDemoFactory factory) : IClassFixture<KestrelDemoFactory>
{
    private const string Page = "/programmes/import-bundle";

    [Fact]
    public async Task A_file_just_over_100_MB_is_explained_on_the_page()
    {
        var admin = await factory.AdminAsync();
        var response = await admin.UploadAsync(Page, "Upload", "big.json", new byte[ImportBundleModel.MaxFileBytes + 1]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The file must be smaller than 100 MB", html);
    }

    [Fact]
    public async Task A_file_far_over_the_limit_gets_an_NHS_styled_page_saying_the_file_is_too_large()
    {
        var admin = await factory.AdminAsync();
        var token = Regex.Match(await admin.GetStringAsync(Page), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        // By hand, as a browser does: the headers announce the size, Kestrel answers before the body is sent.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(factory.BaseAddress.Host, factory.BaseAddress.Port);
        var stream = tcp.GetStream();
        const string boundary = "----upward";
        var start = $"--{boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{WebUtility.HtmlDecode(token)}\r\n" +
                    $"--{boundary}\r\nContent-Disposition: form-data; name=\"Upload\"; filename=\"huge.json\"\r\nContent-Type: application/json\r\n\r\n";
        var length = ImportBundleModel.MaxFileBytes + 2 * 1024 * 1024;
        var head = $"POST {Page} HTTP/1.1\r\nHost: {factory.BaseAddress.Authority}\r\nCookie: {factory.Cookies.Container.GetCookieHeader(factory.BaseAddress)}\r\n" +
                   $"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + start));
        try
        {
            await stream.WriteAsync(new byte[64 * 1024]);
        }
        catch (IOException)
        {
            // Kestrel may already have answered and closed.
        }
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.StartsWith("HTTP/1.1 413", response);
        Assert.Contains("nhsuk-header", response);
        Assert.Contains("The file is too large", response);
        Assert.DoesNotContain("Failed to read", response);
    }
}

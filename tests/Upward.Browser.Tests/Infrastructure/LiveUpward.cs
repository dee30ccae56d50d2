using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Browser.Tests.Infrastructure;

/// <summary>Upward on a real Kestrel port on 127.0.0.1 with the demo loaded, for a real browser.</summary>
public class LiveUpward : UpwardFactory
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    public LiveUpward() : this(new Dictionary<string, string>())
    {
    }

    /// <summary>With extra configuration, for a fixture that needs a setting the default app does not have.</summary>
    protected LiveUpward(IReadOnlyDictionary<string, string> settings)
    {
        _settings = settings;
        Demo = true;
        UseKestrel();
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.TrimEnd('/');
    }

    public string BaseUrl { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Port 0: the operating system picks a free one, so parallel runs never collide.
        builder.UseSetting("urls", "http://127.0.0.1:0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

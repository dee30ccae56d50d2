namespace Upward.Web.Startup;

/// <summary>Builds and prepares the web application; shared by Program and the browser tests.</summary>
public static class UpwardApp
{
    public const string DefaultUrl = "http://127.0.0.1:5000";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(StripDemoSwitch(args, out var demo));
        if (demo)
        {
            builder.Configuration["Upward:Demo"] = "true";
        }
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
        {
            // Loopback by default: a pilot on a laptop must not be reachable from the ward network.
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.AddUpwardServices();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseUpwardPipeline();
        return app;
    }

    // "--demo" is the documented switch; configuration proper wants a key=value.
    private static string[] StripDemoSwitch(string[] args, out bool demo)
    {
        demo = args.Contains("--demo", StringComparer.Ordinal);
        return args.Where(a => a != "--demo").ToArray();
    }
}

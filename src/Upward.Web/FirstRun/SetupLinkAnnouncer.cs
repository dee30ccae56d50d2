using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Upward.Data.Identity;

namespace Upward.Web.FirstRun;

/// <summary>
/// On a start with no accounts, prints the one-time set-up link to the console (not to the log,
/// which may be shipped elsewhere) once the server knows its address.
/// </summary>
internal sealed class SetupLinkAnnouncer(
    IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IServer server, IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = AnnounceAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task AnnounceAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var links = scope.ServiceProvider.GetRequiredService<SetupLinks>();
        if (!await links.IsSetupNeededAsync())
        {
            return;
        }
        var token = await links.IssueAsync();
        var baseUrl = configuration["Upward:PublicBaseUrl"];
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            baseUrl = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? Startup.UpwardApp.DefaultUrl;
        }
        Console.WriteLine();
        Console.WriteLine("Upward has no administrator yet. Open this one-time link within 24 hours to create one:");
        Console.WriteLine($"  {baseUrl.TrimEnd('/')}/setup?token={token}");
        Console.WriteLine();
    }
}

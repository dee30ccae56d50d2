using Upward.Data;
using Upward.Web.Demo;

namespace Upward.Web.Startup;

/// <summary>
/// Brings the database to the current schema (and loads the demo when asked) before the server
/// takes its first request: hosted services start before Kestrel in a WebApplication.
/// </summary>
internal sealed class DatabasePreparation(IServiceScopeFactory scopes, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UpwardDbContext>();
        await DatabaseMigrator.MigrateAsync(db, cancellationToken);
        if (configuration.GetValue<bool>("Upward:Demo"))
        {
            await scope.ServiceProvider.GetRequiredService<DemoProgramme>().LoadAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

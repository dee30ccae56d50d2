using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Upward.Data;

namespace Upward.Web.Tests.Infrastructure;

/// <summary>The real Upward app over a throwaway database; each test class gets its own.</summary>
public class UpwardFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsDatabase;

    public UpwardFactory() : this(new TestDatabase(), ownsDatabase: true, NewSealingKeysFolder())
    {
    }

    private UpwardFactory(TestDatabase database, bool ownsDatabase, string sealingKeysFolder)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
        SealingKeysFolder = sealingKeysFolder;
    }

    /// <summary>
    /// Another instance of Upward on this one's database, as a second server behind a load balancer
    /// would be: same database, same sealing keys folder unless <paramref name="sealingKeysFolder"/>
    /// names another (a copy of the database taken elsewhere). The first instance owns the database.
    /// </summary>
    public UpwardFactory AnotherInstance(string? sealingKeysFolder = null, Microsoft.Extensions.Time.Testing.FakeTimeProvider? clock = null) =>
        new(Database, ownsDatabase: false, sealingKeysFolder ?? SealingKeysFolder) { Clock = clock };

    public TestDatabase Database { get; }
    public bool Demo { get; init; }

    /// <summary>The sealing key ring's folder (outside the database), fresh for each test class.</summary>
    public string SealingKeysFolder { get; }

    public static string NewSealingKeysFolder() => Path.Combine(Path.GetTempPath(), "upward-tests", "sealing-keys-" + Guid.NewGuid().ToString("N"));

    /// <summary>Where email is written when no SMTP server is set (the folder the admin's Outbox reads).</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), "upward-tests", "mail-" + Guid.NewGuid().ToString("N"));

    /// <summary>Send email to this SMTP server instead of the folder.</summary>
    public SmtpSink? Smtp { get; init; }

    /// <summary>Send email to the SMTP server on this loopback port (a real server the test started) instead of the folder.</summary>
    public int? SmtpPort { get; init; }
    public string Environment { get; init; } = "Production";

    /// <summary>
    /// Keep the production limits on posts to the account forms per client address. Off by default:
    /// every test host's requests share one address, and a test class signs in many times a minute.
    /// </summary>
    public bool ProductionRateLimits { get; init; }

    /// <summary>
    /// Replaces the app's clock, so a test can step through days and clock changes. Tests that use it run the
    /// scheduler's jobs themselves (see <see cref="RunScheduledJobsAsync"/>): the scheduler's own loop is off in every test host.
    /// </summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider? Clock { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Upward:Database:Provider", Database.Provider);
        builder.UseSetting("Upward:Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Upward:Demo", Demo ? "true" : "false");
        builder.UseSetting(Upward.Data.Sealing.SealingKeysLocation.Setting, SealingKeysFolder);
        builder.UseSetting("Upward:Email:PickupFolder", MailFolder);
        if ((Smtp?.Port ?? SmtpPort) is { } port)
        {
            builder.UseSetting("Upward:Email:SmtpHost", "127.0.0.1");
            builder.UseSetting("Upward:Email:SmtpPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Upward:Email:SmtpSecurity", "none");
        }
        builder.UseSetting("Upward:Scheduler:Enabled", "false");
        if (Clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
        if (!ProductionRateLimits)
        {
            builder.UseSetting("Upward:SignInLimits:PostsPerAddress", "1000000");
        }
        // Keep test output readable: the app's information logs are not what a failing test needs.
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each step.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task WithDbAsync(Func<UpwardDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<UpwardDbContext>());
    }

    public async Task<T> WithDbAsync<T>(Func<UpwardDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UpwardDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            if (_ownsDatabase)
            {
                Database.Dispose();
                if (Directory.Exists(SealingKeysFolder)) Directory.Delete(SealingKeysFolder, recursive: true);
            }
            if (Directory.Exists(MailFolder)) Directory.Delete(MailFolder, recursive: true);
        }
    }

    /// <summary>One turn of the scheduler, as an instance of Upward would take it: every job that is due and whose lease is free.</summary>
    public Task RunScheduledJobsAsync() => Services.GetRequiredService<Upward.Web.Scheduling.Scheduler>().RunDueAsync(CancellationToken.None);

    /// <summary>Emails written to the pickup folder so far, oldest first.</summary>
    public IReadOnlyList<MimeKit.MimeMessage> Sent() =>
        Directory.Exists(MailFolder)
            ? Directory.GetFiles(MailFolder, "*.eml").Order().Select(f => MimeKit.MimeMessage.Load(f)).ToList()
            : [];
}

/// <summary>The app with the demo programme loaded.</summary>
public sealed class DemoFactory : UpwardFactory
{
    public DemoFactory() => Demo = true;
}

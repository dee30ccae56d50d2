using Microsoft.EntityFrameworkCore;
using Upward.Cli;
using Upward.Core.Organisations;
using Upward.Data;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Operations;

/// <summary>
/// <c>upward backup</c> and <c>upward restore</c> on the database the tests run on (SQLite's online
/// backup API, or pg_dump and pg_restore): what was there at the backup is back after a restore.
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "upward-tests", "backups-" + Guid.NewGuid().ToString("N"));

    public BackupRestoreTests() => Directory.CreateDirectory(_folder);

    private string[] Database => ["--provider", _database.Provider, "--connection", _database.ConnectionString];

    private static (int Code, string Out, string Error) Upward(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, new CliConsole(new StringReader(""), output, error));
        return (code, output.ToString(), error.ToString());
    }

    private async Task<List<string>> OrganisationsAsync()
    {
        await using var db = UpwardDbContextFactory.Create(new DatabaseOptions { Provider = _database.Provider, ConnectionString = _database.ConnectionString });
        return await db.Organisations.OrderBy(o => o.Name).Select(o => o.Name).ToListAsync();
    }

    private async Task ChangeAsync(Func<UpwardDbContext, Task> change)
    {
        await using var db = UpwardDbContextFactory.Create(new DatabaseOptions { Provider = _database.Provider, ConnectionString = _database.ConnectionString });
        await change(db);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_restore_brings_back_the_database_as_it_was_at_the_backup()
    {
        Assert.Equal(0, Upward(["db", "migrate", .. Database]).Code);
        await ChangeAsync(db => { db.Organisations.Add(new Organisation { Name = "Northshire Trust" }); return Task.CompletedTask; });
        var file = Path.Combine(_folder, "upward.backup");

        var backup = Upward(["backup", "--to", file, .. Database]);
        Assert.True(backup.Code == 0, backup.Error);
        Assert.True(new FileInfo(file).Length > 0);
        // The sealing keys are not in the database, so not in its backup: the command says so.
        Assert.Contains("sealing keys", backup.Out, StringComparison.Ordinal);

        // After the backup: one organisation renamed, another added.
        await ChangeAsync(async db =>
        {
            (await db.Organisations.SingleAsync()).Name = "Renamed by mistake";
            db.Organisations.Add(new Organisation { Name = "Added after the backup" });
        });
        Assert.Equal(["Added after the backup", "Renamed by mistake"], await OrganisationsAsync());

        var restore = Upward(["restore", "--from", file, "--replace", .. Database]);
        Assert.True(restore.Code == 0, restore.Error);
        Assert.Contains("sealing keys", restore.Out, StringComparison.Ordinal);
        Assert.Equal(["Northshire Trust"], await OrganisationsAsync());
        // The restored database is a working one: it takes new writes.
        await ChangeAsync(db => { db.Organisations.Add(new Organisation { Name = "Written after the restore" }); return Task.CompletedTask; });
        Assert.Equal(["Northshire Trust", "Written after the restore"], await OrganisationsAsync());
    }

    [Fact]
    public void Bad_input_is_one_line_and_exit_2()
    {
        var file = Path.Combine(_folder, "existing.backup");
        File.WriteAllText(file, "not a backup");
        AssertBadInput(Upward(["backup", "--to", file, .. Database]), "already exists");
        AssertBadInput(Upward(["restore", "--from", Path.Combine(_folder, "missing.backup"), "--replace", .. Database]), "no backup file");
        AssertBadInput(Upward(["restore", "--from", file, .. Database]), "--replace");
        AssertBadInput(Upward(["restore", "--from", file, "--replace", .. Database]), "is not a");
        AssertBadInput(Upward(["backup", "--to", Path.Combine(_folder, "x.backup"), "--provider", "oracle"]), "unknown database provider");
    }

    private static void AssertBadInput((int Code, string Out, string Error) run, string mentioning)
    {
        Assert.Equal(CliApp.BadInput, run.Code);
        Assert.Equal("", run.Out);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(mentioning, line, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _database.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}

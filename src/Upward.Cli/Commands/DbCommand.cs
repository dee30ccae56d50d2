using System.CommandLine;
using Upward.Data;

namespace Upward.Cli.Commands;

/// <summary><c>upward db migrate</c>: brings a database to the current schema (the web app also does this at start).</summary>
internal static class DbCommand
{
    public static Command Create(CliConsole console)
    {
        var db = new Command("db", "Manage Upward's database.");
        var migrate = new Command("migrate", "Apply pending migrations to the SQLite or PostgreSQL database.");
        var arguments = new DatabaseArguments();
        arguments.AddTo(migrate);
        migrate.SetAction(async (parse, ct) =>
        {
            await using var context = UpwardDbContextFactory.Create(arguments.Read(parse));
            var applied = await DatabaseMigrator.MigrateAsync(context, ct);
            console.Out.WriteLine(applied.Count == 0
                ? "The database is up to date."
                : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return CliApp.Ok;
        });
        db.Subcommands.Add(migrate);
        return db;
    }
}

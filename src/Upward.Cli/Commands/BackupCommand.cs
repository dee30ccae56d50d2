using System.CommandLine;
using Upward.Data;
using Upward.Data.Sealing;

namespace Upward.Cli.Commands;

/// <summary>
/// <c>upward backup --to FILE</c> and <c>upward restore --from FILE --replace</c>: a copy of the whole
/// database taken while Upward runs (SQLite's online backup API; PostgreSQL's pg_dump in its custom
/// format) and put back (the backup API again; pg_restore in one transaction).
/// </summary>
/// <remarks>
/// The sealing keys (pending anonymous ballots, organisations' client secrets) are not in the database
/// on purpose, so they are not in its backup either: both commands say so, and where the folder is.
/// </remarks>
internal static class BackupCommand
{
    public static Command[] Create(CliConsole console) => [Backup(console), Restore(console)];

    private static Command Backup(CliConsole console)
    {
        var command = new Command("backup", "Copy the whole database to a file while Upward runs (SQLite: online backup; PostgreSQL: pg_dump).");
        var to = new Option<FileInfo>("--to") { Description = "the backup file to write; must not exist yet", Required = true };
        var arguments = new DatabaseArguments();
        command.Options.Add(to);
        arguments.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var database = arguments.Read(parse);
            var file = parse.GetValue(to)!;
            if (file.Exists)
            {
                throw new CliInputException($"{file.FullName} already exists: choose a new file, so no backup is overwritten by mistake");
            }
            if (file.Directory is { Exists: false } folder)
            {
                throw new CliInputException($"the folder {folder.FullName} does not exist");
            }
            try
            {
                if (database.IsPostgres) await PostgresBackups.DumpAsync(database.EffectiveConnectionString, file.FullName, ct);
                else SqliteBackups.Copy(database.EffectiveConnectionString, file.FullName);
            }
            catch
            {
                // Never leave half a backup that looks like a whole one.
                if (File.Exists(file.FullName)) File.Delete(file.FullName);
                throw;
            }
            console.Out.WriteLine($"Backed up the database to {file.FullName} ({new FileInfo(file.FullName).Length:N0} bytes).");
            console.Out.WriteLine(SealingKeysReminder("back up"));
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Restore(CliConsole console)
    {
        var command = new Command("restore", "Replace the whole database with a backup made by 'upward backup'.");
        var from = new Option<FileInfo>("--from") { Description = "the backup file to restore", Required = true };
        var replace = new Option<bool>("--replace") { Description = "confirm that everything now in the database is replaced" };
        var arguments = new DatabaseArguments();
        command.Options.Add(from);
        command.Options.Add(replace);
        arguments.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var database = arguments.Read(parse);
            var file = parse.GetValue(from)!;
            if (!file.Exists)
            {
                throw new CliInputException($"no backup file at {file.FullName}");
            }
            if (!parse.GetValue(replace))
            {
                throw new CliInputException("restore replaces everything now in the database: add --replace to confirm");
            }
            if (database.IsPostgres) await PostgresBackups.RestoreAsync(file.FullName, database.EffectiveConnectionString, ct);
            else SqliteBackups.Restore(file.FullName, database.EffectiveConnectionString);
            console.Out.WriteLine($"Restored the database from {file.FullName}. Upward applies any newer migrations when it starts (or run 'upward db migrate').");
            console.Out.WriteLine(SealingKeysReminder("restore"));
            return CliApp.Ok;
        });
        return command;
    }

    private static string SealingKeysReminder(string verb)
    {
        var folder = SealingKeysLocation.Folder(Environment.GetEnvironmentVariable(SealingKeysLocation.EnvironmentVariable));
        return $"Not in the database: the sealing keys of pending anonymous ballots and sign-in client secrets, in {folder} "
            + $"({SealingKeysLocation.EnvironmentVariable} of the service, if set, names the folder). {char.ToUpperInvariant(verb[0])}{verb[1..]} that folder separately, and keep it apart from database backups.";
    }
}

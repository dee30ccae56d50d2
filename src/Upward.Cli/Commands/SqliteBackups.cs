using Microsoft.Data.Sqlite;

namespace Upward.Cli.Commands;

/// <summary>
/// Copies with SQLite's online backup API: a consistent copy of every page, taken while the web app
/// keeps reading and writing (including what is still in the write-ahead log).
/// </summary>
internal static class SqliteBackups
{
    public static void Copy(string connectionString, string file)
    {
        using var source = Open(ExistingDatabase(connectionString), SqliteOpenMode.ReadOnly);
        using var target = Open(file, SqliteOpenMode.ReadWriteCreate);
        source.BackupDatabase(target);
    }

    public static void Restore(string file, string connectionString)
    {
        using var backup = Open(file, SqliteOpenMode.ReadOnly);
        if (!IsUpwardDatabase(backup))
        {
            throw new CliInputException($"{file} is not a backup of an Upward SQLite database");
        }
        using var live = Open(ExistingDatabase(connectionString), SqliteOpenMode.ReadWrite);
        // Page by page, in one step as far as other connections see: they find the old database or the restored one.
        backup.BackupDatabase(live);
    }

    private static string ExistingDatabase(string connectionString)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new CliInputException($"no SQLite database at {Path.GetFullPath(string.IsNullOrEmpty(path) ? "." : path)}");
        }
        return path;
    }

    private static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        // No pooling: the file is released as soon as the command is done with it.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static bool IsUpwardDatabase(SqliteConnection connection)
    {
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        catch (SqliteException)
        {
            return false; // not a SQLite file at all
        }
    }
}

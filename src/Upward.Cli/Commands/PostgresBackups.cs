using System.Diagnostics;
using Npgsql;

namespace Upward.Cli.Commands;

/// <summary>
/// PostgreSQL backups with the server's own tools, found on PATH (Debian: postgresql-client, of a
/// version at least the server's): pg_dump in its custom format, pg_restore in one transaction.
/// The password goes to them in the environment, never on a command line others can list.
/// </summary>
internal static class PostgresBackups
{
    public static Task DumpAsync(string connectionString, string file, CancellationToken ct) =>
        RunAsync("pg_dump", connectionString, ["--format=custom", "--no-owner", $"--file={file}"], ct);

    public static Task RestoreAsync(string file, string connectionString, CancellationToken ct)
    {
        if (!LooksLikeCustomDump(file))
        {
            throw new CliInputException($"{file} is not a pg_dump custom-format backup (made by 'upward backup' on PostgreSQL)");
        }
        // --clean --if-exists drops each table the backup holds before recreating it; --single-transaction
        // means a restore that fails part-way leaves the database as it was.
        // pg_restore wants the database named; the rest of the connection comes from the environment.
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database ?? "postgres";
        return RunAsync("pg_restore", connectionString, ["--clean", "--if-exists", "--no-owner", "--single-transaction", $"--dbname={database}", file], ct);
    }

    private static bool LooksLikeCustomDump(string file)
    {
        Span<byte> magic = stackalloc byte[5];
        using var stream = File.OpenRead(file);
        return stream.Read(magic) == 5 && magic.SequenceEqual("PGDMP"u8);
    }

    private static async Task RunAsync(string tool, string connectionString, string[] arguments, CancellationToken ct)
    {
        var path = FindOnPath(tool) ?? throw new InvalidOperationException($"{tool} was not found on PATH: install PostgreSQL's client tools (Debian: apt-get install postgresql-client)");
        var start = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in LibpqEnvironment(connectionString)) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(ct);
        var output = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        await output;
        if (process.ExitCode != 0)
        {
            var first = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
            throw new InvalidOperationException($"{tool} failed (exit {process.ExitCode}): {first}");
        }
    }

    /// <summary>The Npgsql connection string as libpq's environment variables.</summary>
    internal static IEnumerable<(string, string)> LibpqEnvironment(string connectionString)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        if (c.Host is { Length: > 0 } host) yield return ("PGHOST", host);
        yield return ("PGPORT", c.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (c.Database is { Length: > 0 } database) yield return ("PGDATABASE", database);
        if (c.Username is { Length: > 0 } user) yield return ("PGUSER", user);
        if (c.Password is { Length: > 0 } password) yield return ("PGPASSWORD", password);
        if (c.Passfile is { Length: > 0 } passfile) yield return ("PGPASSFILE", passfile);
        yield return ("PGSSLMODE", c.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        });
        yield return ("PGAPPNAME", "upward-backup");
    }

    private static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists);
}

using System.CommandLine;
using Upward.Data;

namespace Upward.Cli.Commands;

/// <summary>
/// --provider and --connection, falling back to the same settings the web app reads
/// (Upward__Database__Provider, Upward__Database__ConnectionString) and then to SQLite at data/upward.db.
/// </summary>
internal sealed class DatabaseArguments
{
    public Option<string?> Provider { get; } = new("--provider") { Description = "sqlite (default) or postgres" };
    public Option<string?> Connection { get; } = new("--connection") { Description = "connection string; default: Data Source=data/upward.db" };

    public void AddTo(Command command)
    {
        command.Options.Add(Provider);
        command.Options.Add(Connection);
    }

    public DatabaseOptions Read(ParseResult parse)
    {
        var provider = parse.GetValue(Provider) ?? Environment.GetEnvironmentVariable("Upward__Database__Provider") ?? DatabaseProvider.Sqlite;
        if (!DatabaseProvider.IsKnown(provider))
        {
            throw new CliInputException($"unknown database provider '{provider}': use sqlite or postgres");
        }
        var connection = parse.GetValue(Connection) ?? Environment.GetEnvironmentVariable("Upward__Database__ConnectionString");
        if (DatabaseProvider.IsPostgres(provider) && string.IsNullOrWhiteSpace(connection))
        {
            throw new CliInputException("postgres needs a connection string: --connection or Upward__Database__ConnectionString");
        }
        return new DatabaseOptions { Provider = provider, ConnectionString = connection };
    }
}

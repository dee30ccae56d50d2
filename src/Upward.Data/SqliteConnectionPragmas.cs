using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Upward.Data;

/// <summary>
/// Sets on every SQLite connection what SQLite does not keep in the file:
/// <list type="bullet">
/// <item><c>secure_delete</c>: deleted rows are overwritten with zeros rather than left in free space, so a
/// copy of the file taken later does not hold what was deleted (sealed ballots, erased participants' data).</item>
/// <item><c>mmap_size</c>: pages are read through a memory map of the file instead of a read call and a copy
/// each. A large programme's pages join tens of thousands of rows by key (counting every free-text answer
/// of 5,000 + 5,000 is some 300,000 lookups); this halved that count's time. Writes still go through
/// SQLite's ordinary path, so secure_delete and the WAL behave as before.</item>
/// </list>
/// </summary>
internal sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    public static readonly SqliteConnectionPragmas Instance = new();

    /// <summary>The map (1 GiB) is address space, not memory: it covers at most this much of the file, the rest is read as before.</summary>
    private const string Pragmas = "PRAGMA secure_delete=ON; PRAGMA mmap_size=1073741824;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

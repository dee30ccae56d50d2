using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Upward.Data;

/// <summary>
/// Turns on SQLite's <c>secure_delete</c> on every connection (it is not kept in the file): deleted
/// rows are overwritten with zeros rather than left in free space, so a copy of the file taken later
/// does not hold what was deleted (sealed ballots, erased participants' data).
/// </summary>
internal sealed class SqliteSecureDelete : DbConnectionInterceptor
{
    public static readonly SqliteSecureDelete Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete=ON;";
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA secure_delete=ON;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Upward.Data;

/// <summary>Tells a write that lost a race with another request from a write that is wrong in itself.</summary>
public static class DatabaseConflicts
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>
    /// True when the database refused a write only because another request wrote the same rows first:
    /// a unique key taken meanwhile, a row changed or gone meanwhile, or PostgreSQL breaking a deadlock.
    /// Nothing the person entered is wrong, and what the other request saved stands.
    /// </summary>
    public static bool IsConflict(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: { } inner } => IsConflict(inner),
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        SqliteException { SqliteErrorCode: SqliteConstraint } sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };
}

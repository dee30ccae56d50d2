using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Upward.Data;

/// <summary>The PostgreSQL flavour of <see cref="UpwardDbContext"/>: owns Migrations/Postgres.</summary>
public sealed class PostgresUpwardDbContext(DbContextOptions<PostgresUpwardDbContext> options) : UpwardDbContext(options)
{
    public override string OrdinalCollation => "C";

    public override async Task LockAsync<TEntity>(Guid id, CancellationToken ct)
    {
        if (Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A row lock lasts only as long as a transaction: call LockAsync inside WriteAtomicallyAsync.");
        }
        var entity = Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var sql = this.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        var key = sql.DelimitIdentifier(entity.FindPrimaryKey()!.Properties.Single().GetColumnName());
        // The table and key names come from the model, never from input; the id is a parameter.
        var sqlText = "SELECT 1 FROM " + table + " WHERE " + key + " = {0} FOR UPDATE";
        await Database.ExecuteSqlRawAsync(sqlText, [id], ct);
    }
}

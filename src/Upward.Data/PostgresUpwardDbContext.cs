using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Upward.Data;

/// <summary>The PostgreSQL flavour of <see cref="UpwardDbContext"/>: owns Migrations/Postgres.</summary>
public sealed class PostgresUpwardDbContext(DbContextOptions<PostgresUpwardDbContext> options) : UpwardDbContext(options)
{
    public override string OrdinalCollation => "C";

    /// <summary>Name of the index on the answers with words in them (free text and follow-ups).</summary>
    public const string AnswersWithWordsIndex = "IX_Answers_WithWords";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The free-text pages find a theme's answers by id among the programme's few with words in them,
        // and order and count them by response and item. This index holds exactly those answers and those
        // columns, so PostgreSQL reads it alone. Without it, a theme's 3,750 answers cost 3,750 scattered
        // reads of the table by its estimate, and it scanned the whole table (715,000 answers at 5,000 +
        // 5,000) on every view of the quote page. SQLite plans those pages well from its own indexes.
        builder.Entity<Upward.Core.Questionnaires.Answer>().HasIndex(a => a.Id, AnswersWithWordsIndex)
            .HasFilter("\"Text\" IS NOT NULL AND \"Text\" <> ''")
            .IncludeProperties(a => new { a.ResponseId, a.ItemId });
    }

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

using System.Data.Common;
using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Upward.Data;

/// <summary>
/// Insert-or-update in one statement (<c>INSERT … ON CONFLICT … DO UPDATE</c>, which SQLite and
/// PostgreSQL both speak), for rows that two requests can write at once: the database settles the
/// race, so neither request sees a unique-key violation and the later write stands.
/// </summary>
public static class Upserts
{
    /// <summary>
    /// Writes <paramref name="rows"/>, each inserted or, where a row with the same <paramref name="key"/>
    /// (a unique index) exists, updated in the columns of <paramref name="update"/>; with no
    /// <paramref name="update"/> an existing row is left as it is.
    /// </summary>
    /// <returns>How many rows were inserted or updated.</returns>
    public static async Task<int> UpsertAsync<T>(this UpwardDbContext db, IEnumerable<T> rows,
        Expression<Func<T, object?>> key, Expression<Func<T, object?>>? update, CancellationToken ct) where T : class
    {
        var list = rows.ToList();
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entity.GetProperties().Where(p => p.GetColumnName(table) is not null).ToList();
        string ColumnOf(string name) => sql.DelimitIdentifier((entity.FindProperty(name) ?? throw new InvalidOperationException($"{typeof(T).Name}.{name} is not a mapped column.")).GetColumnName(table)!);
        var keyColumns = MemberNames(key).Select(ColumnOf).ToList();
        var updateColumns = update is null ? [] : MemberNames(update).Select(ColumnOf).ToList();

        // SQLite takes at most 32,766 parameters in one statement: larger sets go in several.
        var perStatement = Math.Max(1, 30_000 / columns.Count);
        var written = 0;
        for (var start = 0; start < list.Count; start += perStatement)
        {
            written += await UpsertBatchAsync(db, list.GetRange(start, Math.Min(perStatement, list.Count - start)), table, columns, keyColumns, updateColumns, ct);
        }
        return written;
    }

    private static async Task<int> UpsertBatchAsync<T>(UpwardDbContext db, List<T> list, StoreObjectIdentifier table, List<IProperty> columns,
        List<string> keyColumns, List<string> updateColumns, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);
        var text = new StringBuilder()
            .Append("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema))
            .Append(" (").AppendJoin(", ", columns.Select(Column)).Append(") VALUES ");
        var parameters = new List<DbParameter>();
        using var command = db.Database.GetDbConnection().CreateCommand();
        for (var r = 0; r < list.Count; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var property = columns[c];
                var name = $"u{r}_{c}";
                // The property's own type mapping applies its value converter (UTC dates, enums, SQLite's text GUIDs).
                var value = property.PropertyInfo?.GetValue(list[r]) ?? property.FieldInfo?.GetValue(list[r]);
                parameters.Add(property.GetRelationalTypeMapping().CreateParameter(command, sql.GenerateParameterName(name), value, property.IsNullable));
                text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
            }
            text.Append(')');
        }
        text.Append(" ON CONFLICT (").AppendJoin(", ", keyColumns).Append(')');
        var updates = updateColumns.Select(c => $"{c} = excluded.{c}").ToList();
        text.Append(updates.Count == 0 ? " DO NOTHING" : " DO UPDATE SET " + string.Join(", ", updates));
        return await db.Database.ExecuteSqlRawAsync(text.ToString(), parameters, ct);
    }

    /// <summary>The property names of <c>a => a.X</c> or <c>a => new { a.X, a.Y }</c>.</summary>
    private static List<string> MemberNames<T>(Expression<Func<T, object?>> selector)
    {
        var body = selector.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : selector.Body;
        return body switch
        {
            MemberExpression member => [member.Member.Name],
            NewExpression created => created.Arguments.Select(a => ((MemberExpression)a).Member.Name).ToList(),
            _ => throw new ArgumentException("Name the columns as a => a.X or a => new { a.X, a.Y }.", nameof(selector)),
        };
    }
}

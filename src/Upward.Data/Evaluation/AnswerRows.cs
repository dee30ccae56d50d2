using System.Buffers.Text;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;
using Upward.Core.Questionnaires;

namespace Upward.Data.Evaluation;

/// <summary>The columns of an answer the evaluation reads; the query's shape, never tracked.</summary>
internal sealed class AnswerColumns
{
    public Guid ResponseId { get; init; }
    public Guid ItemId { get; init; }
    public Guid DomainId { get; init; }
    public int? Number { get; init; }
    public string? Text { get; init; }
}

/// <summary>Receives one answer row; the text is null when the row has none.</summary>
internal delegate void AnswerVisitor(Guid responseId, Guid itemId, Guid domainId, int? number, string? text);

/// <summary>
/// Streams answer rows from an EF query through a plain data reader, with no entity or row object
/// per answer: a large programme has millions of answers, and materialising them cost more than
/// reading them. EF still writes the SQL; only the reading is by hand.
/// </summary>
internal static class AnswerRows
{
    public static async Task ReadAsync(UpwardDbContext db, IQueryable<AnswerColumns> query, AnswerVisitor visit, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = query.CreateDbCommand();
            // Only the whole-table read has no parameters; the join binds the programme's id, which
            // is EF's to format, so it goes through the ADO.NET reader.
            if (command.Parameters.Count == 0 && command.Connection is SqliteConnection sqlite)
            {
                ReadSqlite(sqlite, command.CommandText, visit, ct);
                return;
            }
            await using var reader = await command.ExecuteReaderAsync(ct);
            int response = reader.GetOrdinal(nameof(Answer.ResponseId)), item = reader.GetOrdinal(nameof(Answer.ItemId)),
                domain = reader.GetOrdinal(nameof(Answer.DomainId)), number = reader.GetOrdinal(nameof(Answer.Number)),
                text = reader.GetOrdinal(nameof(Answer.Text));
            while (await reader.ReadAsync(ct))
            {
                visit(reader.GetGuid(response), reader.GetGuid(item), reader.GetGuid(domain),
                    reader.IsDBNull(number) ? null : reader.GetInt32(number),
                    reader.IsDBNull(text) ? null : reader.GetString(text));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// SQLite keeps a Guid as 36 characters of text, and its ADO.NET reader makes a string of each
    /// and parses it. Reading the bytes in place through the connection's own handle halves the cost
    /// of a two-million-row read; a response's 25 answers share one id, so it is parsed once.
    /// </summary>
    private static void ReadSqlite(SqliteConnection connection, string sql, AnswerVisitor visit, CancellationToken ct)
    {
        Check(connection, raw.sqlite3_prepare_v2(connection.Handle, sql, out sqlite3_stmt statement));
        using (statement)
        {
            int response = Column(statement, nameof(Answer.ResponseId)), item = Column(statement, nameof(Answer.ItemId)),
                domain = Column(statement, nameof(Answer.DomainId)), number = Column(statement, nameof(Answer.Number)),
                text = Column(statement, nameof(Answer.Text));
            var responses = new GuidTexts(1);
            // Responses to one questionnaire list its items in the same order, so the n-th item id of
            // this response is usually the n-th of the last one: compare the text, skip the parse.
            var items = new GuidTexts(128);
            int rc, rows = 0, place = 0;
            bool referenced = false;
            statement.DangerousAddRef(ref referenced);
            try
            {
                var row = new SqliteRow(statement, SqliteRow.CanCallDirectly);
                for (rc = FirstStep(statement, ct); rc == raw.SQLITE_ROW; rc = raw.sqlite3_step(statement))
                {
                    if (++rows % 65_536 == 0) ct.ThrowIfCancellationRequested();
                    var responseId = responses.Parse(0, row.Bytes(response), out bool sameResponse);
                    place = sameResponse ? place + 1 : 0;
                    var itemId = items.Parse(place, row.Bytes(item), out _);
                    var domainText = row.Bytes(domain);
                    visit(responseId, itemId,
                        domainText.SequenceEqual("00000000-0000-0000-0000-000000000000"u8) ? Guid.Empty : ParseGuid(domainText),
                        row.IsNull(number) ? null : row.Int(number),
                        row.IsNull(text) ? null : System.Text.Encoding.UTF8.GetString(row.Bytes(text)));
                }
            }
            finally
            {
                if (referenced) statement.DangerousRelease();
            }
            if (rc != raw.SQLITE_DONE) Check(connection, rc);
        }
    }

    /// <summary>
    /// The first step takes the read snapshot. In WAL mode a reader is refused only briefly (while
    /// another connection recovers or checkpoints the log), so wait as the ADO.NET reader would,
    /// up to its 30 s default, rather than fail the report.
    /// </summary>
    private static int FirstStep(sqlite3_stmt statement, CancellationToken ct)
    {
        var waited = TimeSpan.Zero;
        int rc;
        while ((rc = raw.sqlite3_step(statement)) is raw.SQLITE_BUSY or raw.SQLITE_LOCKED && waited < TimeSpan.FromSeconds(30))
        {
            raw.sqlite3_reset(statement);
            ct.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(50));
            ct.ThrowIfCancellationRequested();
            waited += TimeSpan.FromMilliseconds(50);
        }
        return rc;
    }

    private static int Column(sqlite3_stmt statement, string name)
    {
        for (int i = 0; i < raw.sqlite3_column_count(statement); i++)
        {
            if (raw.sqlite3_column_name(statement, i).utf8_to_string() == name) return i;
        }
        throw new InvalidOperationException($"The answers query has no column {name}.");
    }

    private static Guid ParseGuid(ReadOnlySpan<byte> text) =>
        Utf8Parser.TryParse(text, out Guid value, out int consumed) && consumed == text.Length
            ? value
            : throw new FormatException($"'{System.Text.Encoding.UTF8.GetString(text)}' is not a Guid.");

    /// <summary>Remembers the text and value of the last Guid parsed at each of a few places.</summary>
    private sealed class GuidTexts(int places)
    {
        private const int Width = 36;
        private readonly byte[] _texts = new byte[places * Width];
        private readonly Guid[] _values = new Guid[places];
        private readonly bool[] _known = new bool[places];

        public Guid Parse(int place, ReadOnlySpan<byte> text, out bool same)
        {
            if (place >= places || text.Length != Width)
            {
                same = false;
                return ParseGuid(text);
            }
            var remembered = _texts.AsSpan(place * Width, Width);
            same = _known[place] && text.SequenceEqual(remembered);
            if (!same)
            {
                _values[place] = ParseGuid(text);
                text.CopyTo(remembered);
                _known[place] = true;
            }
            return _values[place];
        }
    }

    private static void Check(SqliteConnection connection, int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }
}

using System.Text;

namespace Upward.Core.People;

/// <summary>
/// A small RFC 4180 reader (commas, double-quoted fields, doubled quotes, CRLF or LF) so that Core
/// needs no package. Returns the records with the line each began on, for error messages.
/// </summary>
public static class CsvReader
{
    public sealed record Record(int Line, IReadOnlyList<string> Fields);

    /// <exception cref="FormatException">An unclosed quote or a quote inside an unquoted field.</exception>
    public static IReadOnlyList<Record> Read(string text)
    {
        var records = new List<Record>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var fieldWasQuoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { inQuotes = false; }
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0 && !fieldWasQuoted:
                    inQuotes = true; fieldWasQuoted = true; break;
                case '"':
                    throw new FormatException($"line {line} has a quote inside a field that does not start with one");
                case ',':
                    fields.Add(field.ToString()); field.Clear(); fieldWasQuoted = false; break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear(); fieldWasQuoted = false;
                    AddUnlessBlank(records, recordLine, fields);
                    fields = []; line++; recordLine = line; break;
                default:
                    field.Append(c); break;
            }
        }
        if (inQuotes)
        {
            throw new FormatException($"line {recordLine} opens a quote that is never closed");
        }
        if (field.Length > 0 || fields.Count > 0 || fieldWasQuoted)
        {
            fields.Add(field.ToString());
            AddUnlessBlank(records, recordLine, fields);
        }
        return records;
    }

    private static void AddUnlessBlank(List<Record> records, int line, List<string> fields)
    {
        if (!(fields.Count == 1 && fields[0].Trim().Length == 0))
        {
            records.Add(new Record(line, fields));
        }
    }
}

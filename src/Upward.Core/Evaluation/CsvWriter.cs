using System.Globalization;
using System.Text;

namespace Upward.Core.Evaluation;

/// <summary>
/// The one way Upward writes CSV: RFC 4180 with a header row, CRLF line ends and UTF-8 (the caller
/// adds a byte order mark where Excel needs one), and one rule against formula injection.
/// </summary>
public static class CsvWriter
{
    /// <summary>The columns as a header row, then each row, every cell through <see cref="Cell"/>.</summary>
    public static string Write(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var csv = new StringBuilder();
        AppendLine(csv, columns);
        foreach (var row in rows) AppendLine(csv, row);
        return csv.ToString();
    }

    /// <summary>
    /// One cell, quoted where RFC 4180 needs it. A cell that a spreadsheet would run as a formula (it
    /// begins with = + - @, or with a tab or carriage return that some spreadsheets skip before one)
    /// gets a leading apostrophe, unless it is a plain number such as -3, which stays a number.
    /// </summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static void AppendLine(StringBuilder csv, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) csv.Append(',');
            csv.Append(Cell(cells[i]));
        }
        csv.Append("\r\n");
    }
}

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Upward.Web.Pages.Evaluation;

/// <summary>An XLSX workbook of plain sheets (header row, then rows); numbers are stored as numbers.</summary>
public static class Workbook
{
    public sealed record Sheet(string Name, IReadOnlyList<string> Columns, IEnumerable<IReadOnlyList<string>> Rows, ISet<int>? NumericColumns = null);

    public static byte[] Write(IEnumerable<Sheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
            var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.AppendChild(Row(sheet.Columns, null));
                foreach (var row in sheet.Rows) data.AppendChild(Row(row, sheet.NumericColumns));
                part.Worksheet = new Worksheet(data);
                sheetList.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = sheet.Name });
            }
            workbookPart.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(IReadOnlyList<string> cells, ISet<int>? numeric)
    {
        var row = new Row();
        for (var i = 0; i < cells.Count; i++)
        {
            var value = cells[i];
            var isNumber = numeric?.Contains(i) == true && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
            // Inline strings need no shared-string table; text is never evaluated as a formula.
            row.AppendChild(isNumber
                ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(value) }
                : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }) });
        }
        return row;
    }
}

using Upward.Core.Evaluation;

namespace Upward.Core.Tests.Evaluation;

/// <summary>The one CSV writer: RFC 4180 quoting and one rule against formula injection for every export.</summary>
public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+44 20 7946 0000", "'+44 20 7946 0000")]
    [InlineData("-cmd", "'-cmd")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_defused(string cell, string written) =>
        Assert.Equal(written, CsvWriter.Cell(cell));

    [Theory]
    [InlineData("-3")]
    [InlineData("+2.5")]
    [InlineData("-1e3")]
    public void A_plain_number_stays_a_number(string cell) => Assert.Equal(cell, CsvWriter.Cell(cell));

    [Fact]
    public void Commas_quotes_and_line_breaks_are_quoted_and_lines_end_in_crlf()
    {
        var csv = CsvWriter.Write(["a", "b"], [["1, 2", "say \"hi\"\nthere"]]);

        Assert.Equal("a,b\r\n\"1, 2\",\"say \"\"hi\"\"\nthere\"\r\n", csv);
    }
}

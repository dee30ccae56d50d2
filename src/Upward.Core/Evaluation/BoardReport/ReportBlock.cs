using Upward.Core.Statistics;

namespace Upward.Core.Evaluation.BoardReport;

/// <summary>
/// One piece of the board report, in reading order. The composer decides what the report says; a
/// writer (the PDF today) decides only how it looks, so every format says the same thing.
/// </summary>
public abstract record ReportBlock;

/// <summary>A heading: level 1 for a section, 2 for a part of one.</summary>
public sealed record ReportHeading(int Level, string Text) : ReportBlock;

/// <summary>A paragraph; <paramref name="Note"/> sets it apart (a warning such as "no intervention between these stages").</summary>
public sealed record ReportParagraph(string Text, bool Note = false) : ReportBlock;

/// <summary>A bulleted list.</summary>
public sealed record ReportList(IReadOnlyList<string> Items) : ReportBlock;

/// <summary>
/// A table whose first column heads its rows. <paramref name="Widths"/> are relative column widths;
/// <paramref name="Numeric"/> marks columns of figures, aligned right.
/// </summary>
public sealed record ReportTable(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows, IReadOnlyList<double> Widths, IReadOnlySet<int> Numeric) : ReportBlock;

/// <summary>A table cell; <paramref name="Span"/> columns wide, for a notice that stands in for several suppressed figures.</summary>
public sealed record ReportCell(string Text, int Span = 1)
{
    public static implicit operator ReportCell(string text) => new(text);
}

/// <summary>A chart with its text alternative, which carries every figure the chart shows.</summary>
public abstract record ReportChart(string Title, string AltText) : ReportBlock;

/// <summary>Medians before and after with their IQRs, one pair of bars per domain, on a 0–5 scale: the page's <see cref="Charts.BeforeAfterChart"/>.</summary>
public sealed record BeforeAfterFigure(string Title, string AltText, IReadOnlyList<BeforeAfterBar> Bars) : ReportChart(Title, AltText);

/// <summary>One domain's bars.</summary>
public sealed record BeforeAfterBar(string Label, Summary Before, Summary After);

/// <summary>Session durations as a box plot: the page's <see cref="Charts.DurationChart"/>.</summary>
public sealed record DurationFigure(string Title, string AltText, Summary Minutes, double AxisTop) : ReportChart(Title, AltText);

/// <summary>What the title page says.</summary>
/// <param name="Dates">Lines such as "Set up on 3 March 2025" and "Report produced on 6 December 2026".</param>
public sealed record ReportTitle(string Programme, string Organisation, IReadOnlyList<string> Dates);

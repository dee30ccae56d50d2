namespace Upward.Web.TagHelpers;

/// <summary>The NHS date input's three boxes (day, month, year) read as a date, or null when they are not a real one.</summary>
public static class DateParts
{
    public static DateOnly? Parse(string? day, string? month, string? year) =>
        int.TryParse(day, out var d) && int.TryParse(month, out var m) && int.TryParse(year, out var y)
        && y is >= 2000 and <= 2200 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d) : null;
}

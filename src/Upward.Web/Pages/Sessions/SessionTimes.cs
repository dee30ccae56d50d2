using System.Globalization;
using Upward.Web.TagHelpers;

namespace Upward.Web.Pages.Sessions;

/// <summary>A session's start as the pair enters it (a date and a 24-hour time in the programme's zone), to UTC.</summary>
public static class SessionTimes
{
    /// <returns>The start in UTC, or the field ("Day" or "Time") and the error to show there.</returns>
    public static (DateTime? Utc, string? Field, string? Error) Parse(string? day, string? month, string? year, string? time, TimeZoneInfo zone)
    {
        var date = DateParts.Parse(day, month, year);
        if (date is null) return (null, "Day", "Enter a real date, like 31 1 2027");
        if (!TimeOnly.TryParseExact((time ?? "").Trim(), ["H:mm", "HH:mm", "H.mm", "HH.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            return (null, "Time", "Enter a time in 24-hour format, like 14:30");
        var local = date.Value.ToDateTime(start);
        if (zone.IsInvalidTime(local))
            return (null, "Time", "That time does not exist on that day because the clocks go forward: choose another");
        return (TimeZoneInfo.ConvertTimeToUtc(local, zone), null, null);
    }

    public static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("dddd d MMMM yyyy 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB"));
}

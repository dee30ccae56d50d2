using Upward.Core.Programmes;

namespace Upward.Web.Programmes;

/// <summary>Shows a stored UTC time in the programme's own time zone.</summary>
public static class ProgrammeClock
{
    public static string Show(this Programme programme, DateTime utc)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(programme.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("d MMMM yyyy 'at' HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
    }
}

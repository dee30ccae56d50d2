namespace Upward.Core.Timeline;

/// <summary>
/// Turns a programme's local dates and clock times into UTC instants through its time zone's rules,
/// so "09:00" is 09:00 on the wall clock on both sides of a change between GMT and BST.
/// </summary>
public static class LocalTimes
{
    /// <summary>When questionnaires open and reminders go: the start of a working day.</summary>
    public static readonly TimeOnly OpeningHour = new(9, 0);

    public static TimeZoneInfo Zone(string timeZoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>
    /// The instant the wall clock in <paramref name="zone"/> shows <paramref name="time"/> on <paramref name="date"/>.
    /// A time the clocks skip (01:30 on the spring change in London) is taken as the first instant after the gap;
    /// a time that happens twice (01:30 on the autumn change) as its first occurrence.
    /// </summary>
    public static DateTime ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }
        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier occurrence (summer time, before the clocks go back).
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>The end of a local day: midnight at the start of the next one.</summary>
    public static DateTime EndOfDayUtc(DateOnly date, TimeZoneInfo zone) => ToUtc(date.AddDays(1), TimeOnly.MinValue, zone);

    public static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    public static TimeOnly LocalTime(DateTime utc, TimeZoneInfo zone) =>
        TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));
}

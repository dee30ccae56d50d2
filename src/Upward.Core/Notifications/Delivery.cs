using Upward.Core.Timeline;

namespace Upward.Core.Notifications;

/// <summary>When an email may go: retries back off, and mail that is not essential waits out the quiet hours.</summary>
public static class Delivery
{
    /// <summary>Waits after the first, second, … failed try; after the last the message is given up as failed.</summary>
    public static readonly IReadOnlyList<TimeSpan> Backoff =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(12)];

    /// <summary>The next try after <paramref name="attempts"/> failed ones, or null when it is time to give up.</summary>
    public static DateTime? NextTry(int attempts, DateTime nowUtc) =>
        attempts >= 1 && attempts <= Backoff.Count ? nowUtc + Backoff[attempts - 1] : null;

    /// <summary>
    /// The first moment at or after <paramref name="dueUtc"/> outside the quiet hours (local clock times; the
    /// quiet span may run over midnight, as 21:00 to 08:00 does). Essential mail is not held.
    /// </summary>
    public static DateTime AfterQuietHours(DateTime dueUtc, NotificationKind kind, TimeOnly quietFrom, TimeOnly quietUntil, TimeZoneInfo zone)
    {
        if (NotificationKinds.IsEssential(kind) || quietFrom == quietUntil) return dueUtc;
        var time = LocalTimes.LocalTime(dueUtc, zone);
        var date = LocalTimes.LocalDate(dueUtc, zone);
        var overMidnight = quietFrom > quietUntil;
        var quiet = overMidnight ? time >= quietFrom || time < quietUntil : time >= quietFrom && time < quietUntil;
        if (!quiet) return dueUtc;
        var endDate = overMidnight && time >= quietFrom ? date.AddDays(1) : date;
        return LocalTimes.ToUtc(endDate, quietUntil, zone);
    }
}

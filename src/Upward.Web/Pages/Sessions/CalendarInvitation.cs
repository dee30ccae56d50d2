using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Upward.Core.Sessions;

namespace Upward.Web.Pages.Sessions;

/// <summary>
/// The .ics file sent with a session: one event whose UID is the session's id, so each update
/// (a higher SEQUENCE) or cancellation replaces the earlier invitation in the recipient's calendar.
/// Times are written in the programme's time zone with its VTIMEZONE, so clock changes are right.
/// </summary>
public static class CalendarInvitation
{
    public const string MediaType = "text/calendar; method=REQUEST; charset=utf-8";

    public static string For(MentoringSession session, string programmeName, string timeZone, string withWhom, bool cancelled)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var localStart = TimeZoneInfo.ConvertTimeFromUtc(session.StartsAtUtc, zone);
        var localEnd = localStart.AddMinutes(session.TimeLimitMinutes);
        var calendar = new Calendar { Method = cancelled ? "CANCEL" : "REQUEST" };
        calendar.AddTimeZone(new VTimeZone(timeZone));
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"{session.Id}@upward",
            Sequence = session.CalendarSequence,
            Summary = $"Reverse mentoring session with {withWhom}",
            Description = $"{programmeName}: a one-to-one session, in confidence and never recorded. Agreed time limit: {session.TimeLimitMinutes} minutes.",
            Location = session.Place,
            DtStart = new CalDateTime(localStart, timeZone),
            DtEnd = new CalDateTime(localEnd, timeZone),
            Status = cancelled ? "CANCELLED" : "CONFIRMED",
        });
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}

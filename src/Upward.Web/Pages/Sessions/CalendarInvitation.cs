using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Upward.Core.Sessions;

namespace Upward.Web.Pages.Sessions;

/// <summary>What a calendar file is for: an emailed invitation or cancellation (iTIP), or a plain download.</summary>
public enum CalendarMethod
{
    Request,
    Cancel,

    /// <summary>A file someone downloads to add to their own calendar: no reply is expected of it.</summary>
    Publish,
}

/// <summary>Someone named in a calendar file.</summary>
public sealed record CalendarPerson(string Name, string Email);

/// <summary>
/// The .ics file for a session (RFC 5545, with iTIP's rules from RFC 5546 for invitations): one event
/// whose UID is the session's id, so each update (a higher SEQUENCE) or cancellation replaces the
/// earlier one in the recipient's calendar. Times are written in the programme's time zone with a
/// VTIMEZONE carrying that zone's STANDARD and DAYLIGHT rules, so a client that does not know the zone
/// still places a session right on both sides of a clock change. Outlook refuses an invitation with
/// no ORGANIZER, so Upward's own address organises and both people in the pair attend.
/// </summary>
public static class CalendarInvitation
{
    public static string MediaType(CalendarMethod method) => $"text/calendar; method={MethodName(method)}; charset=utf-8";

    public static string For(MentoringSession session, string programmeName, string timeZone, string withWhom,
        CalendarMethod method, CalendarPerson organiser, IReadOnlyList<CalendarPerson> attendees, DateTime nowUtc)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var localStart = TimeZoneInfo.ConvertTimeFromUtc(session.StartsAtUtc, zone);
        var localEnd = localStart.AddMinutes(session.MinutesTaken ?? session.TimeLimitMinutes);
        var calendar = new Calendar { Method = MethodName(method), ProductId = "-//Upward//Reverse mentoring//EN" };
        // Rules from a year before the session, so the zone's current STANDARD and DAYLIGHT parts are both present.
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(timeZone, localStart.AddYears(-1), includeHistoricalData: false));
        var cancelled = method == CalendarMethod.Cancel || session.Status == SessionStatus.Cancelled;
        var ev = new CalendarEvent
        {
            Uid = $"{session.Id}@upward",
            Sequence = session.CalendarSequence,
            DtStamp = new CalDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc)),
            Summary = $"Reverse mentoring session with {withWhom}",
            Description = $"{programmeName}: a one-to-one session, in confidence and never recorded. Time limit as a guide: {session.TimeLimitMinutes} minutes.",
            Location = session.Place,
            DtStart = new CalDateTime(localStart, timeZone),
            DtEnd = new CalDateTime(localEnd, timeZone),
            Status = cancelled ? "CANCELLED" : "CONFIRMED",
            Organizer = new Organizer($"mailto:{organiser.Email}") { CommonName = organiser.Name },
        };
        foreach (var person in attendees)
        {
            var attendee = new Attendee($"mailto:{person.Email}") { CommonName = person.Name, Role = "REQ-PARTICIPANT", Rsvp = false };
            if (!cancelled)
            {
                // The pair agreed the time in Upward already: nobody is asked to reply to the invitation.
                attendee.ParticipationStatus = "ACCEPTED";
            }
            ev.Attendees.Add(attendee);
        }
        calendar.Events.Add(ev);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static string MethodName(CalendarMethod method) => method switch
    {
        CalendarMethod.Request => "REQUEST",
        CalendarMethod.Cancel => "CANCEL",
        _ => "PUBLISH",
    };
}

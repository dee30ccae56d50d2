using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Timeline;
using Upward.Data;

namespace Upward.Web.Pages.Evaluation;

/// <summary>The dates a write-up quotes (the board report's title page, the checklists' setting), in the programme's time zone.</summary>
public static class EvaluationDates
{
    /// <summary>A day as a report writes it: "6 December 2026", in the programme's own time zone.</summary>
    public static string Day(Programme programme, DateTime utc) =>
        LocalTimes.LocalDate(utc, LocalTimes.Zone(programme.TimeZone)).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>When kept figures were calculated, as their pages say it: "10:00 on 6 December 2026", in the programme's time zone.</summary>
    public static string TimeAndDay(Programme programme, DateTime utc) =>
        $"{LocalTimes.LocalTime(utc, LocalTimes.Zone(programme.TimeZone)):HH:mm} on {Day(programme, utc)}";

    /// <summary>When the first and the last questionnaire of the programme were sent, or null when none has been; worked out by the database.</summary>
    public static async Task<(DateTime First, DateTime Last)?> AnsweredBetweenAsync(this UpwardDbContext db, Guid programmeId, CancellationToken ct)
    {
        var span = await db.Responses
            .Where(r => r.SubmittedAtUtc != null && db.Enrolments.Any(e => e.Id == r.EnrolmentId && e.ProgrammeId == programmeId))
            .GroupBy(_ => 1).Select(g => new { First = g.Min(r => r.SubmittedAtUtc!.Value), Last = g.Max(r => r.SubmittedAtUtc!.Value) })
            .SingleOrDefaultAsync(ct);
        return span is null ? null : (span.First, span.Last);
    }
}

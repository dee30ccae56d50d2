using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Notifications;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Sessions;
using Upward.Core.Timeline;
using Upward.Data;
using Upward.Web.Pages.Questionnaires;

using Upward.Web.Programmes;

namespace Upward.Web.Pages.Notifications;

/// <summary>
/// On Monday mornings (programme time), a summary for each coordinator of a running programme: who has
/// consented, how open questionnaires stand, pairs that have not started and concerns still open. Counts
/// only: no answer and no concern's words.
/// </summary>
public sealed class WeeklyDigest(UpwardDbContext db, NotificationQueue queue, TimeProvider clock, PageLinks pages)
{
    public async Task<int> FindDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var programmes = await db.Programmes.Where(p => p.Status != ProgrammeStatus.Draft && p.Status != ProgrammeStatus.Closed).ToListAsync(ct);
        var fresh = new List<Notification>();
        foreach (var programme in programmes)
        {
            var zone = LocalTimes.Zone(programme.TimeZone);
            var today = LocalTimes.LocalDate(now, zone);
            if (today.DayOfWeek != DayOfWeek.Monday || now < LocalTimes.ToUtc(today, LocalTimes.OpeningHour, zone)) continue;
            var coordinators = await Recipients.CoordinatorsAsync(db, programme.Id, ct);
            if (coordinators.Count == 0) continue;
            var summary = await SummaryAsync(programme, ct);
            var week = ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue)) * 100 + ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue));
            fresh.AddRange(coordinators.Select(c => queue.Make(programme, c, NotificationKind.WeeklyDigest,
                $"{NotificationKind.WeeklyDigest}:{programme.Id:N}:{c.UserId:N}:{week}", programme.Id,
                pages.Programme(programme.Id, "/Programmes/Overview"), new NotificationTexts.Facts(c.Name, programme.Name, summary))));
        }
return await queue.AddAsync(await Recipients.NotYetAddedAsync(db, fresh, ct), ct);
    }

    private async Task<string> SummaryAsync(Programme programme, CancellationToken ct)
    {
        var enrolments = await db.Enrolments.Where(e => e.ProgrammeId == programme.Id && (e.Role == ProgrammeRole.Mentor || e.Role == ProgrammeRole.Mentee))
            .GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var consented = enrolments.Where(e => e.Key == EnrolmentStatus.Consented).Sum(e => e.Count);
        var invited = enrolments.Where(e => e.Key is EnrolmentStatus.Consented or EnrolmentStatus.Invited).Sum(e => e.Count);
        var lines = new List<string> { $"Consent: {consented} of {invited} invited participants." };

        var waves = await db.Waves.Where(w => w.ProgrammeId == programme.Id && w.IsOpen).ToListAsync(ct);
        foreach (var wave in waves.OrderBy(w => w.Stage).ThenBy(w => w.Audience))
        {
            var audience = await db.PutTo(wave).CountAsync(ct);
            var answered = await db.Responses.CountAsync(r => r.WaveId == wave.Id && r.Status == ResponseStatus.Submitted, ct);
            lines.Add($"{StageNames.Of(wave.Stage)} ({(wave.Audience == ProgrammeRole.Mentor ? "mentors" : "mentees")}): {answered} of {audience} answered.");
        }

        var active = await db.Pairings.Where(p => p.ProgrammeId == programme.Id && p.Status == PairingStatus.Active).Select(p => p.Id).ToListAsync(ct);
        if (active.Count > 0)
        {
            var started = await db.MentoringSessions.Where(s => active.Contains(s.PairingId) && s.Status != SessionStatus.Cancelled)
                .Select(s => s.PairingId).Distinct().CountAsync(ct);
            var notStarted = active.Count - started;
            lines.Add(notStarted == 0
                ? $"Pairs: all {active.Count} have agreed or held a session."
                : $"Pairs: {notStarted} of {active.Count} have not agreed a session yet (pairs at risk).");
        }
        // Concerns sent to the named lead are theirs alone: not even their number reaches the coordinators.
        var openConcerns = await db.Concerns.CountAsync(c => c.ProgrammeId == programme.Id && c.Route == ConcernRoute.Coordinators && c.ResolvedAtUtc == null, ct);
        lines.Add(openConcerns switch
        {
            0 => "Concerns: none open.",
            1 => "Concerns: 1 open.",
            _ => $"Concerns: {openConcerns} open.",
        });
        return string.Join("\n", lines);
    }
}

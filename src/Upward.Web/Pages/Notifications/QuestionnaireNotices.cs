using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Upward.Core.Notifications;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Timeline;
using Upward.Data;

using Upward.Web.Programmes;

namespace Upward.Web.Pages.Notifications;

/// <summary>
/// Tells a questionnaire's audience it is open, that it closes soon and that today is the last day, and
/// reminds on the coordinator's request: always only those who have not answered it.
/// </summary>
public sealed class QuestionnaireNotices(UpwardDbContext db, NotificationQueue queue, TimeProvider clock, IOptions<NotificationOptions> options, PageLinks pages)
{
    /// <summary>Every open wave: "it is open" to those not yet told, and "closes soon" and "last day" when their time has come.</summary>
    public async Task<int> FindDueAsync(CancellationToken ct)
    {
        var added = 0;
        var open = await db.Waves.Where(w => w.IsOpen).Join(db.Instruments, w => w.InstrumentId, i => i.Id, (w, i) => new { Wave = w, i.Title }).ToListAsync(ct);
        foreach (var programmeWaves in open.GroupBy(w => w.Wave.ProgrammeId))
        {
            var programme = await db.Programmes.SingleAsync(p => p.Id == programmeWaves.Key, ct);
            var zone = LocalTimes.Zone(programme.TimeZone);
            var timeline = await db.TimelineEntries.Where(t => t.ProgrammeId == programme.Id).ToListAsync(ct);
            foreach (var w in programmeWaves)
            {
                var step = timeline.FirstOrDefault(t => TimelineSteps.StageOf(t.Step) == w.Wave.Stage);
                added += await AddAsync(programme, w.Wave, w.Title, NotificationKind.QuestionnaireOpened, step, zone, ct);
                if (step?.EndsOn is { } last)
                {
                    var now = clock.GetUtcNow().UtcDateTime;
                    var soon = LocalTimes.ToUtc(last.AddDays(-options.Value.ClosingSoonDays), LocalTimes.OpeningHour, zone);
                    var lastDay = LocalTimes.ToUtc(last, LocalTimes.OpeningHour, zone);
                    if (now >= lastDay) added += await AddAsync(programme, w.Wave, w.Title, NotificationKind.QuestionnaireLastDay, step, zone, ct);
                    else if (now >= soon) added += await AddAsync(programme, w.Wave, w.Title, NotificationKind.QuestionnaireClosingSoon, step, zone, ct);
                }
            }
        }
        return added;
    }

    /// <summary>"Remind those who haven't answered": at most once a day for each person, whoever asks and however often.</summary>
    public async Task<int> RemindAsync(Programme programme, Wave wave, CancellationToken ct)
    {
        var title = await db.Instruments.Where(i => i.Id == wave.InstrumentId).Select(i => i.Title).SingleAsync(ct);
        var step = await StepOfAsync(wave, ct);
        var zone = LocalTimes.Zone(programme.TimeZone);
        var today = LocalTimes.LocalDate(clock.GetUtcNow().UtcDateTime, zone);
        return await AddAsync(programme, wave, title, NotificationKind.AnswerReminder, step, zone, ct, $":{today:yyyy-MM-dd}");
    }

    /// <summary>The wave has just opened: tell its audience now rather than at the scheduler's next turn.</summary>
    public async Task<int> OpenedAsync(Programme programme, Wave wave, CancellationToken ct)
    {
        var title = await db.Instruments.Where(i => i.Id == wave.InstrumentId).Select(i => i.Title).SingleAsync(ct);
        return await AddAsync(programme, wave, title, NotificationKind.QuestionnaireOpened, await StepOfAsync(wave, ct), LocalTimes.Zone(programme.TimeZone), ct);
    }

    private async Task<TimelineEntry?> StepOfAsync(Wave wave, CancellationToken ct)
    {
        var entries = await db.TimelineEntries.Where(t => t.ProgrammeId == wave.ProgrammeId).ToListAsync(ct);
        return entries.FirstOrDefault(t => TimelineSteps.StageOf(t.Step) == wave.Stage);
    }

    private async Task<int> AddAsync(Programme programme, Wave wave, string title, NotificationKind kind, TimelineEntry? step, TimeZoneInfo zone,
        CancellationToken ct, string keySuffix = "")
    {
        var people = await Recipients.NotAnsweredAsync(db, wave, ct);
        if (people.Count == 0) return 0;
        string KeyOf(Recipient r) => $"{kind}:{wave.Id:N}:{r.UserId:N}{keySuffix}";
        var used = await Recipients.UsedKeysAsync(db, wave.Id, people.Select(KeyOf).ToList(), ct);
        var when = step?.EndsOn is { } last ? Dates.Long(last) : null;
        var link = pages.Programme(programme.Id, "/Questionnaires/Start", new { waveId = wave.Id });
        var fresh = people.Where(p => !used.Contains(KeyOf(p)))
            .Select(p => queue.Make(programme, p, kind, KeyOf(p), wave.Id, link, new NotificationTexts.Facts(p.Name, programme.Name, title, when)))
            .ToList();
        return await queue.AddAsync(fresh, ct);
    }
}

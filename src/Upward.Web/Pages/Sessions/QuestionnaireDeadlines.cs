using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Timeline;
using Upward.Data;
using Upward.Web.Pages.Questionnaires;

namespace Upward.Web.Pages.Sessions;

/// <summary>The last days of the questionnaires a person still has to answer, from their programmes' timelines, for their calendar.</summary>
public static class QuestionnaireDeadlines
{
    public static async Task<List<CalendarInvitation.DeadlineEntry>> ForAsync(UpwardDbContext db, Guid userId, CancellationToken ct)
    {
        var enrolments = await db.Enrolments.Where(e => e.UserId == userId && e.Status == EnrolmentStatus.Consented
            && (e.Role == ProgrammeRole.Mentor || e.Role == ProgrammeRole.Mentee)).ToListAsync(ct);
        var programmeIds = enrolments.Select(e => e.ProgrammeId).Distinct().ToList();
        var steps = await db.TimelineEntries.Where(t => programmeIds.Contains(t.ProgrammeId) && t.EndsOn != null).ToListAsync(ct);
        if (steps.Count == 0) return [];
        var waves = await db.Waves.Where(w => programmeIds.Contains(w.ProgrammeId))
            .Join(db.Instruments, w => w.InstrumentId, i => i.Id, (w, i) => new { Wave = w, i.Title }).ToListAsync(ct);
        var enrolmentIds = enrolments.Select(e => e.Id).ToList();
        var answered = await db.Responses.Where(r => enrolmentIds.Contains(r.EnrolmentId) && r.Status == ResponseStatus.Submitted).Select(r => r.WaveId).ToListAsync(ct);
        var paired = await db.EverPairedOfAsync(enrolmentIds, ct);
        var names = await db.Programmes.Where(p => programmeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);

        var deadlines = new List<CalendarInvitation.DeadlineEntry>();
        foreach (var enrolment in enrolments)
        {
            foreach (var step in steps.Where(s => s.ProgrammeId == enrolment.ProgrammeId && TimelineSteps.StageOf(s.Step) is not null))
            {
                var stage = TimelineSteps.StageOf(step.Step)!.Value;
                if (!StageApplicability.AppliesTo(stage, paired.Contains(enrolment.Id))) continue;
                foreach (var w in waves.Where(w => w.Wave.ProgrammeId == enrolment.ProgrammeId && w.Wave.Stage == stage && w.Wave.Audience == enrolment.Role
                             && !answered.Contains(w.Wave.Id)))
                {
                    deadlines.Add(new CalendarInvitation.DeadlineEntry($"deadline-{w.Wave.Id}@upward", step.EndsOn!.Value,
                        $"Last day to answer: {w.Title}", $"{names[enrolment.ProgrammeId]}: the questionnaire closes at midnight."));
                }
            }
        }
        return deadlines;
    }
}

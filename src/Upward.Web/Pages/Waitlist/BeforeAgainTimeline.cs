using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Designs;
using Upward.Core.Programmes;
using Upward.Core.Timeline;
using Upward.Data;

namespace Upward.Web.Pages.Waitlist;

/// <summary>
/// Puts "Before, again" on the programme's timeline with the dates its design implies, so the timeline's
/// scheduler opens it (and tells those it is put to) without the coordinator remembering to: for a
/// waitlist, from the day the later arm starts; for a stepped wedge, from the second step's start until
/// a while after the last step's (each step's mentees are asked once their own step starts, and the last
/// need days to answer). Dates the coordinator has set on the timeline are never overwritten.
/// </summary>
public static class BeforeAgainTimeline
{
    /// <summary>How many days those who waited have to answer, from the last start.</summary>
    public const int OpenDays = 14;

    /// <summary>A stepped wedge's schedule has just been released: plan the step from its dates.</summary>
    public static async Task PlanFromScheduleAsync(UpwardDbContext db, Programme programme, IReadOnlyList<DesignStep> steps, Guid? userId, CancellationToken ct)
    {
        var later = steps.Where(s => s.Number > 1).OrderBy(s => s.Number).ToList();
        if (later.Count == 0) return;
        await PlanAsync(db, programme, later[0].StartsOn, later[^1].StartsOn.AddDays(OpenDays - 1), userId, "from the stepped wedge's schedule", ct);
    }

    /// <summary>
    /// A later arm or step has just started by hand: if its planned opening is still to come, bring it
    /// forward to today, so those now told they waited can answer before they are paired. For a waitlist
    /// (no planned dates) this is where the step gets its dates.
    /// </summary>
    public static async Task PlanAtLaterStartAsync(UpwardDbContext db, Programme programme, DateTime now, CancellationToken ct, Guid? userId = null)
    {
        var today = LocalTimes.LocalDate(now, LocalTimes.Zone(programme.TimeZone));
        var entry = await db.TimelineEntries.SingleOrDefaultAsync(t => t.ProgrammeId == programme.Id && t.Step == TimelineStep.BeforeAgainQuestionnaire, ct);
        if (entry is null || entry.StartsOn is null && entry.EndsOn is null)
        {
            await PlanAsync(db, programme, today, today.AddDays(OpenDays - 1), userId, "from the later arm's start", ct);
        }
        else if (entry.OpenedByTimelineAtUtc is null && entry.StartsOn > today)
        {
            Audit(db, programme, userId, $"{Range(entry.StartsOn, entry.EndsOn)} → {Range(today, entry.EndsOn)} (a later step started before its date)");
            entry.Plan(today, entry.EndsOn is { } end && end < today ? today : entry.EndsOn);
        }
    }

    private static async Task PlanAsync(UpwardDbContext db, Programme programme, DateOnly starts, DateOnly ends, Guid? userId, string why, CancellationToken ct)
    {
        var entry = await db.TimelineEntries.SingleOrDefaultAsync(t => t.ProgrammeId == programme.Id && t.Step == TimelineStep.BeforeAgainQuestionnaire, ct);
        if (entry is null)
        {
            entry = new TimelineEntry { ProgrammeId = programme.Id, Step = TimelineStep.BeforeAgainQuestionnaire };
            db.TimelineEntries.Add(entry);
        }
        // The coordinator's own dates stand.
        if (entry.StartsOn is not null || entry.EndsOn is not null) return;
        entry.Plan(starts, ends);
        Audit(db, programme, userId, $"no dates → {Range(starts, ends)} ({why})");
    }

    private static void Audit(UpwardDbContext db, Programme programme, Guid? userId, string detail) =>
        db.Audit(AuditAction.TimelineChanged, userId, programme.OrganisationId, programme.Id, nameof(TimelineStep.BeforeAgainQuestionnaire), detail);

    private static string Range(DateOnly? starts, DateOnly? ends) =>
        $"{starts?.ToString("yyyy-MM-dd") ?? "no first day"} to {ends?.ToString("yyyy-MM-dd") ?? "no last day"}";
}

namespace Upward.Core.Timeline;

/// <summary>
/// The dates a coordinator set for one step of a programme. Dates, not times: people plan in days, and
/// a questionnaire step opens at <see cref="LocalTimes.OpeningHour"/> on its first day and closes at the
/// end of its last day, in the programme's own time zone, whatever the clocks do in between.
/// </summary>
public sealed class TimelineEntry
{
    public Guid ProgrammeId { get; init; }
    public TimelineStep Step { get; init; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }

    /// <summary>When the scheduler opened this step's questionnaires; set once, so closing them by hand is never undone.</summary>
    public DateTime? OpenedByTimelineAtUtc { get; set; }

    /// <summary>When the scheduler closed this step's questionnaires; set once, so reopening them by hand is never undone.</summary>
    public DateTime? ClosedByTimelineAtUtc { get; set; }

    /// <summary>
    /// Sets new dates. A moved date is the coordinator's new plan, so the scheduler acts on it again:
    /// a start moved into the future may open the step again when it comes, and the same for an end.
    /// </summary>
    public void Plan(DateOnly? startsOn, DateOnly? endsOn)
    {
        if (startsOn != StartsOn) OpenedByTimelineAtUtc = null;
        if (endsOn != EndsOn) ClosedByTimelineAtUtc = null;
        StartsOn = startsOn;
        EndsOn = endsOn;
    }

    /// <summary>When this step's questionnaires open: <see cref="LocalTimes.OpeningHour"/> on its first day.</summary>
    public DateTime? OpensAtUtc(TimeZoneInfo zone) => StartsOn is { } day ? LocalTimes.ToUtc(day, LocalTimes.OpeningHour, zone) : null;

    /// <summary>When this step's questionnaires close: the end of its last day.</summary>
    public DateTime? ClosesAtUtc(TimeZoneInfo zone) => EndsOn is { } day ? LocalTimes.EndOfDayUtc(day, zone) : null;

    /// <summary>The step has started and not yet ended, and the scheduler has not yet opened it.</summary>
    public bool IsDueToOpen(DateTime nowUtc, TimeZoneInfo zone) =>
        OpenedByTimelineAtUtc is null && OpensAtUtc(zone) is { } opens && nowUtc >= opens
        && !(ClosesAtUtc(zone) is { } closes && nowUtc >= closes);

    /// <summary>The step has ended and the scheduler has not yet closed it.</summary>
    public bool IsDueToClose(DateTime nowUtc, TimeZoneInfo zone) =>
        ClosedByTimelineAtUtc is null && ClosesAtUtc(zone) is { } closes && nowUtc >= closes;
}

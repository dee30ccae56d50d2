using Upward.Core.Questionnaires;
using Upward.Core.Timeline;

namespace Upward.Core.Tests.Timeline;

public sealed class TimelineEntryTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static TimelineEntry Step() => new() { Step = TimelineStep.AfterPhase1Questionnaire, StartsOn = new DateOnly(2027, 3, 29), EndsOn = new DateOnly(2027, 4, 2) };

    [Fact]
    public void A_step_is_due_to_open_from_nine_on_its_first_day_until_it_ends()
    {
        var step = Step();
        Assert.False(step.IsDueToOpen(new DateTime(2027, 3, 29, 7, 59, 0, DateTimeKind.Utc), London));
        Assert.True(step.IsDueToOpen(new DateTime(2027, 3, 29, 8, 0, 0, DateTimeKind.Utc), London));
        Assert.False(step.IsDueToOpen(new DateTime(2027, 4, 2, 23, 0, 0, DateTimeKind.Utc), London)); // already over
    }

    [Fact]
    public void A_step_is_due_to_close_at_midnight_at_the_end_of_its_last_day()
    {
        var step = Step();
        Assert.False(step.IsDueToClose(new DateTime(2027, 4, 2, 22, 59, 0, DateTimeKind.Utc), London));
        Assert.True(step.IsDueToClose(new DateTime(2027, 4, 2, 23, 0, 0, DateTimeKind.Utc), London));
    }

    [Fact]
    public void Once_acted_on_a_step_is_not_due_again_unless_its_dates_move()
    {
        var step = Step();
        var late = new DateTime(2027, 3, 30, 12, 0, 0, DateTimeKind.Utc);
        step.OpenedByTimelineAtUtc = late;
        Assert.False(step.IsDueToOpen(late, London));

        step.Plan(new DateOnly(2027, 3, 29), new DateOnly(2027, 4, 9)); // same start, later end
        Assert.NotNull(step.OpenedByTimelineAtUtc);
        step.Plan(new DateOnly(2027, 3, 30), new DateOnly(2027, 4, 9)); // the start moved: act on it again
        Assert.Null(step.OpenedByTimelineAtUtc);
        Assert.True(step.IsDueToOpen(late, London));
    }

    [Fact]
    public void The_study_runs_nine_steps_and_a_one_phase_programme_six_each_questionnaire_step_naming_its_stage()
    {
        Assert.Equal(9, TimelineSteps.For(2).Count);
        Assert.Equal(6, TimelineSteps.For(1).Count);
        Assert.Equal([Stage.BeforePhase1, Stage.AfterPhase1, Stage.BeforePhase2, Stage.AfterPhase2],
            TimelineSteps.For(2).Select(TimelineSteps.StageOf).OfType<Stage>());
        Assert.Equal([Stage.Before, Stage.After], TimelineSteps.For(1).Select(TimelineSteps.StageOf).OfType<Stage>());
        Assert.Equal("After phase 1 questionnaires", TimelineSteps.NameOf(TimelineStep.AfterPhase1Questionnaire));
    }
}

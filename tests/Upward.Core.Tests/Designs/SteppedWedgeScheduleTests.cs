using Upward.Core.Designs;

namespace Upward.Core.Tests.Designs;

/// <summary>
/// Whole departments drawn to a waitlist's arms or a stepped wedge's steps: the seed reproduces the
/// draw whatever order the departments come in, the groups are as even as possible, and the schedule's
/// dates step by the weeks chosen.
/// </summary>
public sealed class SteppedWedgeScheduleTests
{
    private static readonly string[] Departments = ["Cardiology", "Emergency medicine", "Gastroenterology", "Maternity", "Oncology", "Paediatrics", "Radiology"];

    [Fact]
    public void The_steps_for_a_seed_stay_the_same_in_every_future_build()
    {
        // Pinned once from this implementation, as the waitlist's arms are: a change to the generator,
        // the shuffle or the order of departments would silently redraw every stored schedule.
        var drawn = SteppedWedgeSchedule.Draw(Departments, 3, 20261206);
        Assert.Equal(Departments, drawn.Select(d => d.Department));
        Assert.Equal(PinnedSteps, string.Concat(drawn.Select(d => d.Step)));
    }

    private const string PinnedSteps = "3112231";

    [Fact]
    public void Departments_drawn_to_arms_stay_the_same_in_every_future_build()
    {
        var drawn = WaitlistRandomisation.AllocateDepartments(Departments, 20261206);
        Assert.Equal(PinnedArms, string.Concat(drawn.Select(d => d.Arm == Arm.StartNow ? 'N' : 'L')));
        // Two groups of the same draw are the waitlist's arms: the department draw is the people draw over departments.
        Assert.Equal(WaitlistRandomisation.Allocate(Departments.Length, 20261206), drawn.Select(d => d.Arm));
    }

    private const string PinnedArms = "LNNNLLN";

    [Fact]
    public void The_order_the_departments_come_in_does_not_change_the_draw()
    {
        var shuffled = Enumerable.Reverse(Departments).Concat(["Cardiology"]).ToArray();
        Assert.Equal(SteppedWedgeSchedule.Draw(Departments, 4, 99), SteppedWedgeSchedule.Draw(shuffled, 4, 99));
        Assert.Equal(WaitlistRandomisation.AllocateDepartments(Departments, 99), WaitlistRandomisation.AllocateDepartments(shuffled, 99));
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(7, 3)]
    [InlineData(12, 6)]
    [InlineData(13, 6)]
    public void Steps_are_as_even_as_possible_with_earlier_steps_taking_the_odd_ones(int departments, int steps)
    {
        var names = Enumerable.Range(0, departments).Select(i => $"D{i:00}").ToList();
        for (ulong seed = 0; seed < 30; seed++)
        {
            var sizes = Enumerable.Range(1, steps).Select(s => SteppedWedgeSchedule.Draw(names, steps, seed).Count(d => d.Step == s)).ToList();
            Assert.Equal(departments, sizes.Sum());
            Assert.True(sizes.Max() - sizes.Min() <= 1);
            Assert.Equal(sizes.OrderByDescending(x => x), sizes);
        }
    }

    [Fact]
    public void Every_department_is_equally_likely_to_be_in_each_step()
    {
        // 6 departments in 3 steps of 2: each department is in step 1 a third of the time.
        const int seeds = 15000;
        var first = new int[6];
        var names = Enumerable.Range(0, 6).Select(i => $"D{i}").ToList();
        for (ulong seed = 0; seed < seeds; seed++)
        {
            var drawn = SteppedWedgeSchedule.Draw(names, 3, seed * 2654435761UL);
            for (int i = 0; i < 6; i++) if (drawn[i].Step == 1) first[i]++;
        }
        // Binomial(15000, 1/3) has a standard deviation of about 58: 5 of them either side.
        Assert.All(first, n => Assert.InRange(n, 5000 - 290, 5000 + 290));
    }

    [Fact]
    public void Each_step_starts_the_chosen_number_of_weeks_after_the_one_before()
    {
        var dates = SteppedWedgeSchedule.Dates(new DateOnly(2027, 1, 11), 4, 3);
        Assert.Equal([new DateOnly(2027, 1, 11), new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 22), new DateOnly(2027, 3, 15)], dates);
    }

    [Theory]
    [InlineData(1, 2, 4, "at least 2 departments")]
    [InlineData(5, 1, 4, "from 2 to 6")]
    [InlineData(9, 7, 4, "from 2 to 6")]
    [InlineData(3, 4, 4, "no more steps than departments")]
    [InlineData(5, 3, 0, "weeks between steps")]
    [InlineData(5, 3, 53, "weeks between steps")]
    public void A_schedule_that_cannot_work_is_refused_in_plain_words(int departments, int steps, int weeks, string expected)
    {
        Assert.Contains(expected, SteppedWedgeSchedule.Check(departments, steps, weeks), StringComparison.Ordinal);
    }

    [Fact]
    public void A_schedule_that_can_work_is_accepted()
    {
        Assert.Null(SteppedWedgeSchedule.Check(2, 2, 1));
        Assert.Null(SteppedWedgeSchedule.Check(10, 6, 52));
    }

    [Fact]
    public void A_step_is_paired_only_once_it_has_started()
    {
        var wedge = new WaitlistAllocation { Seed = 1, Design = Upward.Core.Evaluation.AnalysisPlan.SteppedWedge, Unit = RandomisedUnit.Department };
        var steps = new List<DesignStep>
        {
            new() { Number = 1, StartsOn = new DateOnly(2027, 1, 11), StartedAtUtc = new DateTime(2027, 1, 11, 9, 0, 0, DateTimeKind.Utc) },
            new() { Number = 2, StartsOn = new DateOnly(2027, 2, 8) },
        };
        Assert.Equal("Waiting for the departments to be drawn to steps", WaitlistPairing.WhyNotYet(true, null, null, []));
        Assert.NotNull(WaitlistPairing.WhyNotYet(true, wedge, null, steps));
        Assert.Null(WaitlistPairing.WhyNotYet(true, wedge, 1, steps));
        Assert.Equal("Step 2: waiting until the step starts (8 February 2027)", WaitlistPairing.WhyNotYet(true, wedge, 2, steps));
        steps[1].StartedAtUtc = new DateTime(2027, 2, 8, 9, 0, 0, DateTimeKind.Utc);
        Assert.Null(WaitlistPairing.WhyNotYet(true, wedge, 2, steps));
        // A waitlist goes by its arms as before: step 2 is its later arm.
        var waitlist = new WaitlistAllocation { Seed = 1 };
        Assert.Equal("Start later arm: waiting until the later arm starts", WaitlistPairing.WhyNotYet(false, waitlist, 2, []));
        Assert.Null(WaitlistPairing.WhyNotYet(false, waitlist, 1, []));
    }

    [Fact]
    public void A_step_is_its_first_period_arm()
    {
        Assert.Equal(Arm.StartNow, new ArmAssignment { Step = 1 }.Arm);
        Assert.Equal(Arm.StartLater, new ArmAssignment { Step = 4 }.Arm);
        Assert.Equal(2, new ArmAssignment { Arm = Arm.StartLater }.Step);
    }
}

using Upward.Core.Evaluation;
using Upward.Core.Statistics;

namespace Upward.Core.Tests.Evaluation;

/// <summary>How the report words a Hodges–Lehmann change and which confidence level it states.</summary>
public class ChangeTextTests
{
    [Fact]
    public void Five_or_more_changed_pairs_are_called_a_95_percent_interval()
    {
        var change = HodgesLehmannEstimator.Paired([1, 2, 3, 4, 5])!;

        Assert.Equal(0.9375, change.AchievedConfLevel);
        Assert.Equal(0.95, ReportText.StatedLevel(change));
        Assert.Equal("+3 (95% CI +1 to +5)", ReportText.Change(change));
    }

    [Fact]
    public void Four_changed_pairs_state_the_level_reached_as_r_does()
    {
        // R: "requested conf.level not achievable", conf.level 1 − signif(0.125, 2) = 0.88.
        var change = HodgesLehmannEstimator.Paired([-2, 1, 2, 3])!;

        Assert.Equal(0.875, change.AchievedConfLevel);
        Assert.Equal(0.88, ReportText.StatedLevel(change), 12);
        Assert.Equal("+1.25 (88% CI −2 to +3)", ReportText.Change(change));
    }

    [Fact]
    public void One_changed_pair_has_no_interval_and_no_change_has_no_estimate()
    {
        Assert.Equal("−2 (one changed pair: no interval)", ReportText.Change(HodgesLehmannEstimator.Paired([-2, 0, 0])));
        Assert.Equal("–", ReportText.Change(HodgesLehmannEstimator.Paired([0, 0])));
    }
}

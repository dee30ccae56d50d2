using Upward.Core.Themes;

namespace Upward.Core.Tests.Themes;

public sealed class CodebookTests
{
    [Fact]
    public void Merging_moves_codings_drops_repeats_and_rehomes_children()
    {
        var coder = Guid.NewGuid();
        var answer1 = Guid.NewGuid();
        var answer2 = Guid.NewGuid();
        var power = new Theme { Name = "Power gradient" };
        var hierarchy = new Theme { Name = "Hierarchy" };
        var child = new Theme { Name = "Fear of retribution", ParentId = hierarchy.Id };
        var codings = new List<Coding>
        {
            new() { AnswerId = answer1, ThemeId = power.Id, CoderEnrolmentId = coder },
            new() { AnswerId = answer1, ThemeId = hierarchy.Id, CoderEnrolmentId = coder },
            new() { AnswerId = answer2, ThemeId = hierarchy.Id, CoderEnrolmentId = coder },
        };

        var redundant = Codebook.Merge(hierarchy, power, [power, hierarchy, child], codings);

        Assert.Single(redundant);
        Assert.Equal(answer1, redundant[0].AnswerId);
        Assert.All(codings.Except(redundant), c => Assert.Equal(power.Id, c.ThemeId));
        Assert.Equal(power.Id, child.ParentId);
        Assert.Throws<ArgumentException>(() => Codebook.Merge(power, power, [power], codings));
    }
}

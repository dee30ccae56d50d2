using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Upward.Browser.Tests.Infrastructure;

/// <summary>Runs axe-core in the page and fails on any WCAG 2.2 A or AA violation, listing each.</summary>
public static class Accessibility
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions
        {
            Type = "tag",
            Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
        },
    };

    public static async Task AssertNoViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe(WcagAa);
        var problems = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")
            .ToList();
        Assert.True(problems.Count == 0, $"axe found on {page.Url}:\n" + string.Join("\n", problems));
        await ContentSecurityPolicy.AssertNoViolationsAsync(page);
    }
}

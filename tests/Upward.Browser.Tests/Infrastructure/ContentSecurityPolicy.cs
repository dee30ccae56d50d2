using Microsoft.Playwright;

namespace Upward.Browser.Tests.Infrastructure;

/// <summary>
/// Catches what the Content-Security-Policy blocked: an inline script, style or handler left in a
/// page would silently not work for real people, so each page checked with axe is checked for this too.
/// </summary>
public static class ContentSecurityPolicy
{
    /// <summary>Runs before the page's own scripts in every document of a context (see <see cref="Chromium.NewContextAsync"/>).</summary>
    public const string RecordViolations = """
        window.__upwardCspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
            window.__upwardCspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || ''}:${e.lineNumber}`));
        """;

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var violations = await page.EvaluateAsync<string[]?>("() => window.__upwardCspViolations ?? null");
        Assert.True(violations is not null, $"{page.Url}: the page's context does not record CSP violations; create it with Chromium.NewContextAsync");
        Assert.True(violations!.Length == 0, $"CSP violations on {page.Url}:\n" + string.Join("\n", violations));
    }
}

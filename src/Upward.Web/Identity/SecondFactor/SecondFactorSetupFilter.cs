using Microsoft.AspNetCore.Mvc.Filters;

namespace Upward.Web.Identity.SecondFactor;

/// <summary>
/// Sends a person whom the organisation requires to use a second factor to set one up before any
/// other page: only the account pages (setting up, signing out) stay open to them.
/// </summary>
public sealed class SecondFactorSetupFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var path = context.HttpContext.Request.Path;
        if (SecondFactorRule.SetupNeeded(context.HttpContext.User)
            && !path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/error", StringComparison.OrdinalIgnoreCase))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult(SecondFactorRule.SetupPath);
            return;
        }
        await next();
    }
}

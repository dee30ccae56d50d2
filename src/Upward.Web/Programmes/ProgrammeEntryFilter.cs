using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Upward.Web.Programmes;

/// <summary>
/// Lets a request into a programme page only through <see cref="ProgrammeGate"/>, with the
/// capability the page declares by <see cref="RequiresAttribute"/>: another organisation's programme
/// or a non-member gets 404, a member without the capability 403. Runs after model binding (the
/// programme id comes from the route) and before the handler, which then finds the programme and
/// the person's roles loaded. A programme page that declares no capability is refused with an
/// error rather than opened, and a test over the app's endpoints finds it first.
/// </summary>
public sealed class ProgrammeEntryFilter(ProgrammeGate gate) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerInstance is not ProgrammePageModel page)
        {
            await next();
            return;
        }
        var capability = RequiresAttribute.Of(page.GetType(), context.HandlerMethod?.MethodInfo)
            ?? throw new InvalidOperationException($"{page.GetType().FullName} is a programme page but declares no [Requires(...)] capability.");
        var ct = context.HttpContext.RequestAborted;
        var result = await gate.CheckAsync(context.HttpContext.User, page.ProgrammeId, capability, ct);
        switch (result.Outcome)
        {
            case ProgrammeGateOutcome.NotFound:
                context.Result = new NotFoundResult();
                return;
            case ProgrammeGateOutcome.Forbidden:
                context.Result = new ForbidResult();
                return;
        }
        page.Admit(result);
        if (await page.OnEnteredAsync(ct) is { } refused)
        {
            context.Result = refused;
            return;
        }
        await next();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Data;
using Upward.Web.Pages.Allocation;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Allocation;

/// <summary>Everything the planner weighs for a programme, read as the allocation page reads it for a preview.</summary>
internal static class WholeAllocationFacts
{
    public static async Task<AllocationFactsQuery.Result> LoadAsync(UpwardFactory factory, Guid programmeId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UpwardDbContext>();
        var programme = await db.Programmes.Include(p => p.Domains).SingleAsync(p => p.Id == programmeId);
        return await scope.ServiceProvider.GetRequiredService<AllocationFactsQuery>().LoadAsync(programme, CancellationToken.None);
    }
}

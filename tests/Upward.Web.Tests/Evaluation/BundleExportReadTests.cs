using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.Bundles;
using Upward.Data.Evaluation;
using Upward.Web.Demo;
using Upward.Web.Pages.Evaluation;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Evaluation;

/// <summary>
/// The bundle export reads whole tables when the programme is most of the database and joins when
/// it is a small part of it; both routes must give the same bundle, byte for byte.
/// </summary>
public sealed class BundleExportReadTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task A_programme_among_many_exports_the_same_bundle_as_one_alone()
    {
        var original = BundleWriter.WriteString(DemoPilotEvaluation.Bundle());
        var name = DemoPilotEvaluation.Bundle().Programme.Name;
        var first = await factory.WithDbAsync(db => db.Programmes.Where(p => p.Name == name).OrderBy(p => p.CreatedAtUtc).FirstAsync());
        Assert.Equal(original, await ExportAsync(first.Id));

        // Five more copies: each is now under a quarter of the database's responses, so it is read by the join.
        var copies = new List<Guid>();
        for (int i = 0; i < 5; i++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var copy = await scope.ServiceProvider.GetRequiredService<BundleImport>().ImportAsync(BundleReader.Read(original), first.OrganisationId, null, default);
            copies.Add(copy.Id);
        }
        Assert.Equal(original, await ExportAsync(first.Id));
        Assert.Equal(original, await ExportAsync(copies[^1]));
    }

    private async Task<string> ExportAsync(Guid programmeId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var programme = await factory.WithDbAsync(db => db.Programmes.Include(p => p.Domains).SingleAsync(p => p.Id == programmeId));
        return BundleWriter.WriteString(await scope.ServiceProvider.GetRequiredService<BundleExport>().BuildAsync(programme, default));
    }
}

using Upward.Web.Programmes;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Programmes;

/// <summary>
/// Every page under <c>/programmes/{programmeId}</c> declares the capability it needs, so that the entry
/// filter checks it: a page or handler written without one fails here before it can be reached.
/// </summary>
public sealed class DeclaredAccessTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task Every_programme_page_handler_declares_the_capability_it_needs()
    {
        var handlers = await ProgrammeEndpoints.ListAsync(factory);

        Assert.True(handlers.Count > 50, $"only {handlers.Count} programme handlers were found; the endpoint listing is broken");
        var undeclared = handlers.Where(h => !typeof(ProgrammePageModel).IsAssignableFrom(h.Model) || h.Capability is null).Select(h => $"{h} ({h.Model.Name})").ToList();
        Assert.True(undeclared.Count == 0, "These programme handlers declare no access:\n" + string.Join("\n", undeclared));
    }
}

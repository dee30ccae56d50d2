using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.Programmes;
using Upward.Web.Programmes;

namespace Upward.Web.Tests.Infrastructure;

/// <summary>One handler of a page under <c>/programmes/{programmeId}</c>, as the running app routes it.</summary>
/// <param name="Route">The page's route template, like <c>/programmes/{programmeId:guid}/pairing/{pairingId:guid?}</c>.</param>
/// <param name="Handler">The named handler (<c>?handler=Confirm</c>), or null for the page's plain GET or POST.</param>
/// <param name="Capability">What the page model declares for this handler; null when it declares nothing.</param>
public sealed partial record ProgrammeHandler(string Route, string HttpMethod, string? Handler, Type Model, ProgrammeCapability? Capability)
{
    public bool IsGet => string.Equals(HttpMethod, "GET", StringComparison.OrdinalIgnoreCase);

    public bool IsPost => string.Equals(HttpMethod, "POST", StringComparison.OrdinalIgnoreCase);

    /// <summary>The handler's address with each route value filled from <paramref name="values"/> (for any not given, a fresh id, or 1 where the route wants a number).</summary>
    public string Url(IReadOnlyDictionary<string, string> values)
    {
        var path = RouteParameter().Replace(Route, m => values.TryGetValue(m.Groups[1].Value, out var value) ? value
            : m.Groups[2].Value == "int" ? "1" : Guid.NewGuid().ToString());
        return Handler is null ? path : $"{path}?handler={Handler}";
    }

    public override string ToString() => $"{HttpMethod} {Route}{(Handler is null ? "" : "?handler=" + Handler)}";

    [GeneratedRegex(@"\{(\w+)(?::([^}?]*))?\??\}")]
    private static partial Regex RouteParameter();
}

/// <summary>Every programme page handler the running app serves, read from its endpoints rather than listed by hand.</summary>
public static class ProgrammeEndpoints
{
    public const string Prefix = "/programmes/{programmeId";

    public static async Task<IReadOnlyList<ProgrammeHandler>> ListAsync(UpwardFactory factory)
    {
        _ = factory.Server; // the app must be built for its endpoints to exist
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var handlers = new List<ProgrammeHandler>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (!route.StartsWith(Prefix, StringComparison.Ordinal)) continue;
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            var model = compiled.ModelTypeInfo!.AsType();
            if (compiled.HandlerMethods.Count == 0)
            {
                handlers.Add(new ProgrammeHandler(route, "Get", null, model, RequiresAttribute.Of(model, null)));
            }
            foreach (var handler in compiled.HandlerMethods)
            {
                handlers.Add(new ProgrammeHandler(route, handler.HttpMethod, handler.Name, model, RequiresAttribute.Of(model, handler.MethodInfo)));
            }
        }
        return handlers.DistinctBy(h => h.ToString()).OrderBy(h => h.ToString(), StringComparer.Ordinal).ToList();
    }
}

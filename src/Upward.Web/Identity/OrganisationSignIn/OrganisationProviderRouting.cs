using Microsoft.EntityFrameworkCore;
using Upward.Data;

namespace Upward.Web.Identity.OrganisationSignIn;

/// <summary>
/// Before authentication runs: a request under <c>/account/organisation/{id}/</c> is served with that
/// organisation's provider, if it has one enabled. The handler is created once per request, so its
/// options must be known before the authentication middleware first asks for it.
/// </summary>
internal static class OrganisationProviderRouting
{
    public static void UseOrganisationProviders(this WebApplication app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith(OrganisationProviderOptions.PathPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var rest = path[OrganisationProviderOptions.PathPrefix.Length..];
            var slash = rest.IndexOf('/');
            if (Guid.TryParse(slash < 0 ? rest : rest[..slash], out var organisationId))
            {
                var db = context.RequestServices.GetRequiredService<UpwardDbContext>();
                var settings = await db.OrganisationSignInSettings.AsNoTracking()
                    .SingleOrDefaultAsync(s => s.OrganisationId == organisationId && s.Enabled, context.RequestAborted);
                if (settings is not null)
                {
                    context.RequestServices.GetRequiredService<OrganisationProviderOptions>().UseFor(context, settings);
                }
            }
        }
        await next();
    });
}

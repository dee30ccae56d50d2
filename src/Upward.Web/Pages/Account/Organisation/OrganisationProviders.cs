using Microsoft.EntityFrameworkCore;
using Upward.Core.Organisations;
using Upward.Data;

namespace Upward.Web.Pages.Account.Organisation;

/// <summary>The organisations whose own sign-in is switched on, as the sign-in pages offer them.</summary>
public sealed class OrganisationProviders(UpwardDbContext db)
{
    public Task<List<OrganisationSignInSettings>> EnabledAsync(CancellationToken ct) =>
        db.OrganisationSignInSettings.AsNoTracking().Where(s => s.Enabled).OrderBy(s => s.ProviderName).ToListAsync(ct);

    /// <summary>The provider for an email address: the enabled organisation that lists its domain.</summary>
    public async Task<OrganisationSignInSettings?> ForEmailAsync(string email, CancellationToken ct) =>
        (await EnabledAsync(ct)).FirstOrDefault(s => s.AllowsEmail(email));

    public Task<OrganisationSignInSettings?> EnabledForAsync(Guid organisationId, CancellationToken ct) =>
        db.OrganisationSignInSettings.AsNoTracking().SingleOrDefaultAsync(s => s.OrganisationId == organisationId && s.Enabled, ct);
}

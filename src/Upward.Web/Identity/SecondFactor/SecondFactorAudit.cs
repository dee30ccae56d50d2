using Upward.Data;
using Upward.Data.Identity;

namespace Upward.Web.Identity.SecondFactor;

/// <summary>Audits second-factor events about a person, as that person's own action.</summary>
public sealed class SecondFactorAudit(UpwardDbContext db)
{
    public async Task RecordAsync(string action, UpwardUser user, string? detail = null)
    {
        db.Audit(action, user.Id, user.OrganisationId, subject: $"user:{user.Id}", detail: detail);
        await db.SaveChangesAsync();
    }
}

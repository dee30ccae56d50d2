using Microsoft.EntityFrameworkCore;
using Upward.Core.Sessions;
using Upward.Data;

namespace Upward.Web.Pages.Sessions;

/// <summary>The ground rules in force for a programme: its latest version, or the built-in rules (version 0).</summary>
public sealed record GroundRulesInForce(int Version, IReadOnlyList<string> Rules, string? SafetyLead);

public static class GroundRulesQueries
{
    public static async Task<GroundRulesInForce> GroundRulesInForceAsync(this UpwardDbContext db, Guid programmeId, CancellationToken ct)
    {
        var latest = await db.GroundRulesVersions.Where(g => g.ProgrammeId == programmeId).OrderByDescending(g => g.Version).FirstOrDefaultAsync(ct);
        return latest is null ? new(0, GroundRules.Rules, null) : new(latest.Version, GroundRules.Parse(latest.Rules), latest.SafetyLead);
    }
}

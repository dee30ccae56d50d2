using Microsoft.EntityFrameworkCore;
using Upward.Core.Colleagues;
using Upward.Core.Preparation;
using Upward.Data;
using Upward.Web.Pages.People;

namespace Upward.Web.Pages.Colleagues;

/// <summary>Finding a colleague's invitation from the token in their link, and whether the programme still asks colleagues.</summary>
internal static class ColleagueLinks
{
    /// <summary>The invitation a token stands for, used or not; null for a malformed or unknown (forged) token.</summary>
    public static async Task<ColleagueInvitation?> FindAsync(this UpwardDbContext db, string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }
        var hash = InvitationTokens.Hash(token);
        return await db.ColleagueInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
    }

    /// <summary>Whether the programme's coordinator has turned colleague (360°) input on.</summary>
    public static Task<bool> ColleagueInputEnabledAsync(this UpwardDbContext db, Guid programmeId, CancellationToken ct) =>
        db.PreparationSettings.AnyAsync(s => s.ProgrammeId == programmeId && s.ColleagueInputEnabled, ct);
}

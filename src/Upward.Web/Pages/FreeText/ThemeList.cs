using Microsoft.EntityFrameworkCore;
using Upward.Core.Themes;
using Upward.Data;

namespace Upward.Web.Pages.FreeText;

/// <summary>A programme's themes in name order, as every codebook page lists them.</summary>
public static class ThemeList
{
    public static async Task<IReadOnlyList<Theme>> OfAsync(UpwardDbContext db, Guid programmeId, CancellationToken ct) =>
        (await db.Themes.Where(t => t.ProgrammeId == programmeId).ToListAsync(ct)).OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
}

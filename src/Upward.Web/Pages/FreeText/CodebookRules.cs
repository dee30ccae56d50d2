using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Themes;
using Upward.Data;

namespace Upward.Web.Pages.FreeText;

/// <summary>The checks a theme's name must pass wherever a theme is opened or renamed, so every page says the same.</summary>
public static class CodebookRules
{
    public const int NameLength = 120;
    public const int DefinitionLength = 2000;

    /// <summary>Adds errors under <paramref name="key"/> prefix ("Input" gives "Input.Name"); returns the trimmed name when valid.</summary>
    public static async Task<string?> CheckAsync(UpwardDbContext db, Guid programmeId, Guid? renaming, string? name, string? definition, ModelStateDictionary state, string key, CancellationToken ct)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            state.AddModelError($"{key}.Name", "Enter a name for the theme");
        }
        else if (trimmed.Length > NameLength)
        {
            state.AddModelError($"{key}.Name", $"The theme's name must be {NameLength} characters or fewer");
        }
        else
        {
            var names = await db.Themes.Where(t => t.ProgrammeId == programmeId && t.Id != renaming).Select(t => t.Name).ToListAsync(ct);
            if (names.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            {
                state.AddModelError($"{key}.Name", "There is already a theme with this name; choose another or merge the two");
            }
        }
        if ((definition?.Length ?? 0) > DefinitionLength)
        {
            state.AddModelError($"{key}.Definition", $"The definition must be {DefinitionLength} characters or fewer");
        }
        return state.IsValid ? trimmed : null;
    }

    /// <summary>Whether making <paramref name="parent"/> the parent of <paramref name="theme"/> would make a loop.</summary>
    public static bool MakesLoop(Guid theme, Guid parent, IReadOnlyList<Theme> themes)
    {
        var byId = themes.ToDictionary(t => t.Id);
        for (Guid? at = parent; at is { } id; at = byId.GetValueOrDefault(id)?.ParentId)
        {
            if (id == theme) return true;
        }
        return false;
    }
}

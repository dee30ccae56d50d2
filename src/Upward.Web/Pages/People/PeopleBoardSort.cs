using Upward.Core.Programmes;

namespace Upward.Web.Pages.People;

/// <summary>One line of the people board before its details are read: what it is filtered, sorted and paged by.</summary>
internal sealed class PeopleBoardEntry
{
    public bool IsInvitation { get; init; }
    public Guid Id { get; init; }
    public ProgrammeRole Role { get; init; }

    /// <summary>The participant code; empty for an invitation, which has none yet.</summary>
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
}

/// <summary>
/// The orders a coordinator can put the people board in, each applied in the database so the board
/// reads only the page it shows. A value from the query string that is not one of these (typed, stale
/// or tampered) gives the default order rather than an error.
/// </summary>
public static class PeopleBoardSort
{
    /// <summary>By role, then participant code, invitations after the codes: the board's order before it could be sorted.</summary>
    public const string Code = "code";
    public const string CodeDescending = "code-desc";
    public const string Name = "name";
    public const string NameDescending = "name-desc";
    public const string Role = "role";
    public const string RoleDescending = "role-desc";

    public const string Default = Code;

    /// <summary>The choices offered, in the order the "Sort by" list shows them, with the words it shows.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Options =
    [
        (Code, "Code, first to last"),
        (CodeDescending, "Code, last to first"),
        (Name, "Name, A to Z"),
        (NameDescending, "Name, Z to A"),
        (Role, "Role, A to Z"),
        (RoleDescending, "Role, Z to A"),
    ];

    /// <summary>The sort asked for if it is one offered, otherwise the default.</summary>
    public static string Parse(string? requested)
    {
        var value = requested?.Trim().ToLowerInvariant();
        return Options.Any(o => o.Value == value) ? value! : Default;
    }

    public static string LabelOf(string sort) => Options.Single(o => o.Value == Parse(sort)).Label;

    /// <summary>The sort in words within a sentence: "sorted by name, A to Z".</summary>
    public static string Phrase(string sort)
    {
        var label = LabelOf(sort);
        return char.ToLowerInvariant(label[0]) + label[1..];
    }

    /// <summary>Which column of the board the sort is by, and which way, for aria-sort on its header.</summary>
    public static string? AriaSort(string sort, string column) => Parse(sort) switch
    {
        Code when column == "code" => "ascending",
        CodeDescending when column == "code" => "descending",
        Name when column == "name" => "ascending",
        NameDescending when column == "name" => "descending",
        Role when column == "role" => "ascending",
        RoleDescending when column == "role" => "descending",
        _ => null,
    };

    /// <summary>
    /// Orders the board's lines. Codes are compared by length first so MR-100 comes after MR-99 (a
    /// programme of 5,000 has codes of two, three and four digits); names case-blind, as people read
    /// them; every order ends on the id so a line never moves between pages from one request to the next.
    /// </summary>
    internal static IQueryable<PeopleBoardEntry> Apply(IQueryable<PeopleBoardEntry> entries, string sort) => Parse(sort) switch
    {
        CodeDescending => entries.OrderBy(e => e.Role).ThenBy(e => e.IsInvitation)
            .ThenByDescending(e => e.Code.Length).ThenByDescending(e => e.Code).ThenBy(e => e.Name.ToLower()).ThenBy(e => e.Id),
        Name => entries.OrderBy(e => e.Name.ToLower()).ThenBy(e => e.Name).ThenBy(e => e.Id),
        NameDescending => entries.OrderByDescending(e => e.Name.ToLower()).ThenByDescending(e => e.Name).ThenBy(e => e.Id),
        // By the role's name as the board shows it (Coordinator, Facilitator, Mentee, Mentor, Named lead
        // for concerns, Researcher), not by the number it is stored as; then by name within each role.
        Role => entries.OrderBy(e => e.Role == ProgrammeRole.Coordinator ? 0 : e.Role == ProgrammeRole.Facilitator ? 1 : e.Role == ProgrammeRole.Mentee ? 2
                : e.Role == ProgrammeRole.Mentor ? 3 : e.Role == ProgrammeRole.ConcernsLead ? 4 : 5)
            .ThenBy(e => e.Name.ToLower()).ThenBy(e => e.Id),
        RoleDescending => entries.OrderByDescending(e => e.Role == ProgrammeRole.Coordinator ? 0 : e.Role == ProgrammeRole.Facilitator ? 1 : e.Role == ProgrammeRole.Mentee ? 2
                : e.Role == ProgrammeRole.Mentor ? 3 : e.Role == ProgrammeRole.ConcernsLead ? 4 : 5)
            .ThenBy(e => e.Name.ToLower()).ThenBy(e => e.Id),
        _ => entries.OrderBy(e => e.Role).ThenBy(e => e.IsInvitation)
            .ThenBy(e => e.Code.Length).ThenBy(e => e.Code).ThenBy(e => e.Name.ToLower()).ThenBy(e => e.Id),
    };
}

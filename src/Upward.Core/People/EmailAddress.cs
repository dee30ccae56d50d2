using System.Text.RegularExpressions;

namespace Upward.Core.People;

/// <summary>A deliberately plain check of an email address: one @, a dot in the domain, no spaces.</summary>
public static partial class EmailAddress
{
    public const int MaxLength = 254;

    public static bool IsValid(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= MaxLength && Shape().IsMatch(value.Trim());

    /// <summary>The form addresses are compared and stored in: trimmed, lower case.</summary>
    public static string Normalise(string value) => value.Trim().ToLowerInvariant();

    [GeneratedRegex(@"^[^@\s,;<>""]+@[^@\s,;<>""]+\.[^@\s,;<>""]+$")]
    private static partial Regex Shape();
}

namespace Upward.Core.Programmes;

/// <summary>
/// The old and new values of the settings a change touched, written into the audit entry so the
/// log says what a coordinator changed, not only that they did.
/// </summary>
public sealed class SettingsChanges
{
    private readonly List<string> _changes = [];

    /// <summary>Notes <paramref name="name"/> if its value changed.</summary>
    public SettingsChanges Compare<T>(string name, T before, T after)
    {
        if (!EqualityComparer<T>.Default.Equals(before, after))
        {
            _changes.Add($"{name}: {Show(before)} → {Show(after)}");
        }
        return this;
    }

    /// <summary>Notes a list setting if its entries changed (order included).</summary>
    public SettingsChanges CompareLists(string name, IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        if (!before.SequenceEqual(after, StringComparer.Ordinal))
        {
            _changes.Add($"{name}: [{string.Join(", ", before)}] → [{string.Join(", ", after)}]");
        }
        return this;
    }

    public bool Any => _changes.Count > 0;

    /// <summary>"AnonymityThreshold: 3 → 4; Name: "A" → "B"", or "no change".</summary>
    public override string ToString() => _changes.Count == 0 ? "no change" : string.Join("; ", _changes);

    private static string Show<T>(T value) => value switch
    {
        null => "(none)",
        string s => $"\"{s}\"",
        bool b => b ? "yes" : "no",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>The rule that keeps an anonymity promise already made.</summary>
public static class AnonymityThresholdRule
{
    /// <summary>
    /// Once any anonymous contribution exists, k may only be raised: lowering it would let a brief or a
    /// batch of ballots rest on fewer mentors than those who contributed were promised. Null if allowed.
    /// </summary>
    public static string? Refusal(int current, int proposed, bool contributionsExist) =>
        contributionsExist && proposed < current
            ? $"The fewest people cannot go below {current} now that mentors have sent anonymous feedback: they were promised at least {current}. You can raise it."
            : null;
}

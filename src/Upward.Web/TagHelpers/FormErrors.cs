using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Upward.Web.TagHelpers;

/// <summary>Reads model-state errors in the order a person meets the fields, for the NHS error summary.</summary>
public static class FormErrors
{
    public static string? FirstError(ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>Each field with an error once, with the id its summary link points at.</summary>
    public static IReadOnlyList<(string FieldId, string Message)> Summary(ModelStateDictionary state) =>
        state.Where(kv => kv.Value is { Errors.Count: > 0 })
            .Select(kv => (FieldId: kv.Key.Length == 0 ? "maincontent" : TagBuilder.CreateSanitizedId(kv.Key, "-"),
                           Message: kv.Value!.Errors[0].ErrorMessage))
            .ToList();

    /// <summary>
    /// Takes the framework's binding errors for a list field (key or key[i]) out of the state, so a
    /// page can put its own words on the field the summary links to; true when there were any.
    /// </summary>
    public static bool TakeBindingErrors(ModelStateDictionary state, string key)
    {
        var keys = state.Where(kv => kv.Value is { Errors.Count: > 0 } && (kv.Key == key || kv.Key.StartsWith(key + "[", StringComparison.Ordinal)))
            .Select(kv => kv.Key).ToList();
        keys.ForEach(k => state.Remove(k));
        return keys.Count > 0;
    }
}

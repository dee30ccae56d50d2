using System.Text.Json;

namespace Upward.Core.Bundles;

/// <summary>A JSON value with its path, so every complaint about a bundle says where the fault is.</summary>
internal readonly record struct JsonCursor(JsonElement Element, string Path)
{
    /// <summary>This object's properties, refusing any name not in <paramref name="allowed"/> (the format is strict so typos are caught, not ignored).</summary>
    public JsonCursor Object(params string[] allowed)
    {
        if (Element.ValueKind != JsonValueKind.Object)
        {
            throw Fail($"expected an object, found {Describe(Element)}");
        }
        foreach (var property in Element.EnumerateObject())
        {
            if (Array.IndexOf(allowed, property.Name) < 0)
            {
                throw new BundleFormatException($"{Path}.{property.Name}", "unknown field");
            }
        }
        return this;
    }

    public JsonCursor? Optional(string name) =>
        Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? new JsonCursor(value, $"{Path}.{name}") : null;

    public JsonCursor Required(string name) =>
        Optional(name) ?? throw new BundleFormatException($"{Path}.{name}", "missing");

    public IEnumerable<JsonCursor> Items()
    {
        if (Element.ValueKind != JsonValueKind.Array)
        {
            throw Fail($"expected an array, found {Describe(Element)}");
        }
        int i = 0;
        foreach (var item in Element.EnumerateArray())
        {
            yield return new JsonCursor(item, $"{Path}[{i++}]");
        }
    }

    public string String()
    {
        if (Element.ValueKind != JsonValueKind.String)
        {
            throw Fail($"expected a string, found {Describe(Element)}");
        }
        var text = Element.GetString()!;
        return text.Length == 0 ? throw Fail("must not be empty") : text;
    }

    public int Int()
    {
        if (Element.ValueKind != JsonValueKind.Number || !Element.TryGetInt32(out int value))
        {
            throw Fail($"expected a whole number, found {Describe(Element)}");
        }
        return value;
    }

    public double Number()
    {
        if (Element.ValueKind != JsonValueKind.Number || !Element.TryGetDouble(out double value) || !double.IsFinite(value))
        {
            throw Fail($"expected a number, found {Describe(Element)}");
        }
        return value;
    }

    public bool Bool() => Element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Fail($"expected true or false, found {Describe(Element)}"),
    };

    public BundleFormatException Fail(string problem) => new(Path, problem);

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Shorten(element.GetString()!)}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

namespace Upward.Core.Bundles;

/// <summary>A research bundle that cannot be read; the message starts with the JSON path at fault ("$.answers[3].item").</summary>
public sealed class BundleFormatException(string path, string problem) : Exception($"{path}: {problem}")
{
    /// <summary>Where in the bundle the problem is, as a JSON path.</summary>
    public string Path { get; } = path;
}

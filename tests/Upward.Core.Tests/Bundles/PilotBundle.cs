using System.Text.Json.Nodes;
using Upward.Core.Bundles;

namespace Upward.Core.Tests.Bundles;

/// <summary>The hand-made bundle shaped like the published pilot (TestData/bundles/pilot.json, made by make-pilot.py).</summary>
internal static class PilotBundle
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "bundles", "pilot.json");

    public static string Text() => File.ReadAllText(Path);

    public static ResearchBundle Read() => BundleReader.Read(Text());

    /// <summary>The pilot as an editable tree, so a test can break one thing and keep the rest valid.</summary>
    public static JsonObject Tree() => JsonNode.Parse(Text())!.AsObject();
}

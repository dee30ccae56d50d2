using System.Text.Json.Nodes;
using Upward.Core.Bundles;

namespace Upward.Core.Tests.Bundles;

/// <summary>The hand-made bundle shaped like the published pilot (TestData/bundles/pilot.json, made by make-pilot.py).</summary>
internal static class PilotBundle
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "bundles", "pilot.json");

    public static string Text() => File.ReadAllText(Path);

    public static ResearchBundle Read() => BundleReader.Read(Text());

    /// <summary>
    /// The pilot with a content analysis (version 2): three themes, one under another; mentors' answers
    /// coded, one by passage; two quotes. MR-02 did not agree to be quoted.
    /// </summary>
    public static ResearchBundle WithThemes()
    {
        var bundle = Read();
        var before = new BundleAnswerReference("MR-01", "mentor-before-phase-1", 1, "easier");
        var after = new BundleAnswerReference("MR-01", "mentor-after-phase-2", 1, "comments");
        return bundle with
        {
            Participants = [.. bundle.Participants.Select(p => p with { MayBeQuoted = p.Code != "MR-02" })],
            Themes =
            [
                new("Safety", "Feeling safe to speak up", null),
                new("Perspective", "Seeing the work from the other side", null),
                new("Anonymity", "", "Safety"),
            ],
            Codings =
            [
                new(after, "Perspective", 2, 21),
                new(after with { Participant = "MR-02" }, "Perspective", null, null),
                new(after with { Participant = "MR-03" }, "Perspective", null, null),
                new(before, "Anonymity", null, null),
                new(before with { Participant = "MR-02" }, "Anonymity", null, null),
            ],
            Quotes = [new("Perspective", after), new("Anonymity", before)],
        };
    }

    /// <summary><see cref="WithThemes"/> as an editable tree.</summary>
    public static JsonObject TreeWithThemes() => JsonNode.Parse(BundleWriter.WriteString(WithThemes()))!.AsObject();

    /// <summary>The pilot as an editable tree, so a test can break one thing and keep the rest valid.</summary>
    public static JsonObject Tree() => JsonNode.Parse(Text())!.AsObject();
}

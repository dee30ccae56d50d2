using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Upward.Core.Bundles;

namespace Upward.Core.Tests.Bundles;

/// <summary>What the bundle writer produces is valid against the published schema, docs/formats/bundle.schema.json.</summary>
public sealed class BundleSchemaTests
{
    private static readonly JsonSchema Schema =
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "bundle.schema.json")));

    private static EvaluationResults Evaluate(byte[] bundle)
    {
        using var document = JsonDocument.Parse(bundle);
        return Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Errors(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));

    [Fact]
    public void A_version_1_bundle_as_written_is_valid()
    {
        var results = Evaluate(BundleWriter.Write(PilotBundle.Read()));

        Assert.True(results.IsValid, Errors(results));
    }

    [Fact]
    public void A_version_3_bundle_with_a_plan_and_a_randomisation_as_written_is_valid()
    {
        var results = Evaluate(BundleWriter.Write(DesignedBundleTests.Designed()));

        Assert.True(results.IsValid, Errors(results));
    }

    [Fact]
    public void A_version_2_bundle_with_a_content_analysis_as_written_is_valid()
    {
        var results = Evaluate(BundleWriter.Write(PilotBundle.WithThemes()));

        Assert.True(results.IsValid, Errors(results));
    }

    [Fact]
    public void The_schema_refuses_a_bundle_with_a_participant_missing_its_code()
    {
        // Proves the schema is really applied: the same bundle with one required field taken out fails.
        var node = JsonNode.Parse(BundleWriter.Write(PilotBundle.Read()))!;
        node["participants"]![0]!.AsObject().Remove("code");

        using var document = JsonDocument.Parse(node.ToJsonString());
        Assert.False(Schema.Evaluate(document.RootElement).IsValid);
    }
}

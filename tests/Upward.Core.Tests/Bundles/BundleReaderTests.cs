using System.Text.Json.Nodes;
using Upward.Core.Bundles;

namespace Upward.Core.Tests.Bundles;

/// <summary>The reader is strict and names the path at fault; the pilot reads as the paper's design.</summary>
public sealed class BundleReaderTests
{
    [Fact]
    public void The_pilot_reads_with_its_design()
    {
        var bundle = PilotBundle.Read();

        Assert.Equal(3, bundle.Programme.AnonymityThreshold);
        Assert.Equal(7, bundle.Programme.Domains.Count);
        Assert.Equal(6, bundle.Participants.Count(p => p.Role == BundleRole.Mentor));
        Assert.Equal(5, bundle.Participants.Count(p => p.Role == BundleRole.Mentee));
        Assert.Equal(BundleStage.BeforePhase2, bundle.Participants.Single(p => p.Code == "MR-06").WithdrawnAtStage);
        Assert.Equal(5, bundle.Sessions.Count);
    }

    public static TheoryData<string, string, string> BrokenBundles() => new()
    {
        // name of the case, JSON path expected in the message, words expected in the message
        { "format", "$.format", "upward-research-bundle" },
        { "version", "$.version", "not supported" },
        { "unknown top-level field", "$.extra", "unknown field" },
        { "missing programme name", "$.programme.name", "missing" },
        { "threshold zero", "$.programme.anonymity_threshold", "at least 1" },
        { "duplicate participant code", "$.participants[1].code", "appears twice" },
        { "unknown role", "$.participants[0].role", "\"mentor\"" },
        { "free-text demographic", "$.participants[0].demographics.gender", "not one of the gender bands" },
        { "name on a participant", "$.participants[0].name", "unknown field" },
        { "answer from unknown participant", "$.answers[0].participant", "unknown participant \"MR-99\"" },
        { "answer to unknown item", "$.answers[0].item", "unknown item" },
        { "answer to unknown instrument", "$.answers[0].instrument", "unknown instrument" },
        { "answer to unknown domain", "$.answers[3].domain", "unknown domain position 9" },
        { "grid answer without domain", "$.answers[3]", "needs a domain" },
        { "scale answer out of range", "$.answers[2].number", "1 to 5" },
        { "duplicate answer", "$.answers[1]", "already answered" },
        { "mentee answering a mentor questionnaire", "$.answers[0].participant", "is a mentee" },
        { "unknown stage", "$.instruments[0].stage", "before_phase_1" },
        { "single choice without choices", "$.instruments[2].items[3]", "at least two choices" },
        { "willingness naming a mentee as mentor", "$.willingness[0].mentor", "is not a mentor" },
        { "session of no pair", "$.sessions[0]", "not a pair" },
        { "bad time felt", "$.sessions[0].time_felt", "about_right" },
        { "not JSON", "$", "not valid JSON" },
        { "version 1 with themes", "$.themes", "unknown field" },
        { "version 1 with consent to quote", "$.participants[0].may_be_quoted", "unknown field" },
    };

    [Theory]
    [MemberData(nameof(BrokenBundles))]
    public void Every_broken_bundle_is_refused_naming_the_path(string broken, string path, string words)
    {
        string json = Break(broken);

        var error = Assert.Throws<BundleFormatException>(() => BundleReader.Read(json));

        Assert.Equal(path, error.Path);
        Assert.StartsWith(path + ":", error.Message);
        Assert.Contains(words, error.Message);
    }

    private static string Break(string broken)
    {
        if (broken == "not JSON")
        {
            return "{\"format\": ";
        }
        var tree = PilotBundle.Tree();
        var answers = tree["answers"]!.AsArray();
        var participants = tree["participants"]!.AsArray();
        switch (broken)
        {
            case "format": tree["format"] = "something-else"; break;
            case "version": tree["version"] = 4; break;
            case "unknown top-level field": tree["extra"] = 1; break;
            case "missing programme name": tree["programme"]!.AsObject().Remove("name"); break;
            case "threshold zero": tree["programme"]!["anonymity_threshold"] = 0; break;
            case "duplicate participant code": participants[1]!["code"] = "MR-01"; break;
            case "unknown role": participants[0]!["role"] = "boss"; break;
            case "free-text demographic": participants[0]!["demographics"]!["gender"] = "Dr Jane Smith"; break;
            case "name on a participant": participants[0]!["name"] = "Jane Smith"; break;
            case "answer from unknown participant": answers[0]!["participant"] = "MR-99"; break;
            case "answer to unknown item": answers[0]!["item"] = "nonsense"; break;
            case "answer to unknown instrument": answers[0]!["instrument"] = "nonsense"; break;
            case "answer to unknown domain": answers[3]!["domain"] = 9; break;
            case "grid answer without domain": answers[3]!.AsObject().Remove("domain"); break;
            case "scale answer out of range": answers[2]!["number"] = 6; break;
            case "duplicate answer": answers[1] = answers[0]!.DeepClone(); break;
            case "mentee answering a mentor questionnaire": answers[0]!["participant"] = "ME-01"; break;
            case "unknown stage": tree["instruments"]![0]!["stage"] = "during"; break;
            case "single choice without choices": tree["instruments"]![2]!["items"]![3]!.AsObject().Remove("choices"); break;
            case "willingness naming a mentee as mentor": tree["willingness"]![0]!["mentor"] = "ME-01"; break;
            case "session of no pair": tree["sessions"]![0]!["mentee"] = "ME-05"; break;
            case "bad time felt": tree["sessions"]![0]!["time_felt"] = "fine"; break;
            case "version 1 with themes": tree["themes"] = new JsonArray(); break;
            case "version 1 with consent to quote": participants[0]!["may_be_quoted"] = true; break;
            default: throw new ArgumentOutOfRangeException(nameof(broken), broken, "no such case");
        }
        return tree.ToJsonString();
    }
}

using System.Text.Json;
using Upward.Core.People;

namespace Upward.Core.Bundles;

/// <summary>Reads a research bundle strictly: unknown fields, missing fields and references to unknown participants, items or domains are errors.</summary>
public static class BundleReader
{
    /// <summary>Parses and checks a bundle.</summary>
    /// <exception cref="BundleFormatException">The bundle is not valid JSON or breaks the format; the message names the path.</exception>
    public static ResearchBundle Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new BundleFormatException("$", $"not valid JSON ({e.Message})");
        }
        using (document)
        {
            return Read(new JsonCursor(document.RootElement, "$"));
        }
    }

    private static ResearchBundle Read(JsonCursor root)
    {
        string[] fields = ["format", "version", "programme", "instruments", "participants", "answers", "willingness", "pairs", "sessions"];
        root.Object([.. fields, "themes", "codings", "quotes", "analysis_plan", "randomisation"]);
        // Format and version first: a different file should be named as such, not as a list of missing fields.
        var format = root.Required("format");
        if (format.String() != ResearchBundle.Format)
        {
            throw format.Fail($"expected \"{ResearchBundle.Format}\", found \"{format.String()}\"");
        }
        var version = root.Required("version");
        if (version.Int() < ResearchBundle.OldestReadable || version.Int() > ResearchBundle.Version)
        {
            throw version.Fail($"version {version.Int()} is not supported; this build reads versions {ResearchBundle.OldestReadable} to {ResearchBundle.Version}");
        }
        // Version 1 has no content analysis: its fields are unknown there, as they were to a version 1 reader.
        bool analysed = version.Int() >= 2;
        // Version 3 adds the analysis plan and the randomisation: unknown to versions 1 and 2.
        bool designed = version.Int() >= 3;
        if (!analysed)
        {
            root.Object(fields);
        }
        else if (!designed)
        {
            root.Object([.. fields, "themes", "codings", "quotes"]);
        }

        var programme = ReadProgramme(root.Required("programme"));
        var instruments = ReadInstruments(root.Required("instruments"), designed);
        var participants = ReadParticipants(root.Required("participants"), analysed, designed);
        var references = new BundleReferences(programme, instruments, participants);
        var answers = root.Required("answers").Items().Select(references.Answer).ToList();
        references.RejectDuplicateAnswers(answers);
        var willingness = root.Required("willingness").Items().Select(references.Willingness).ToList();
        var pairs = root.Required("pairs").Items().Select(references.Pair).ToList();
        var sessions = root.Required("sessions").Items().Select(references.Session).ToList();
        var bundle = new ResearchBundle(programme, instruments, participants, answers, willingness, pairs, sessions);
        if (designed)
        {
            var (seed, unit, steps) = ReadRandomisation(root.Optional("randomisation"));
            bundle = bundle with { Plan = ReadPlan(root.Optional("analysis_plan")), RandomisationSeed = seed, RandomisedUnit = unit, Steps = steps };
            if (bundle.RandomisationSeed is null && participants.Any(p => p.Arm is not null || p.Step is not null))
            {
                throw root.Required("participants").Fail("participants have arms but the bundle has no randomisation");
            }
            if (participants.FirstOrDefault(p => p.Step is { } s && !steps.Any(x => x.Number == s)) is { } stray)
            {
                throw root.Required("participants").Fail($"participant \"{stray.Code}\" is in step {stray.Step}, which the randomisation's steps do not list");
            }
        }
        return analysed ? BundleContentAnalysis.Read(root, bundle) : bundle;
    }

    private static BundleProgramme ReadProgramme(JsonCursor node)
    {
        node.Object("name", "type", "anonymity_threshold", "time_zone", "session_time_limit_minutes", "sessions_per_pair", "domains");
        var k = node.Required("anonymity_threshold");
        if (k.Int() < 1)
        {
            throw k.Fail("must be at least 1");
        }
        var limit = node.Optional("session_time_limit_minutes");
        if (limit is { } l && l.Int() < 1)
        {
            throw l.Fail("must be at least 1");
        }
        var perPair = node.Required("sessions_per_pair");
        if (perPair.Int() < 1)
        {
            throw perPair.Fail("must be at least 1");
        }
        var domains = new List<BundleDomain>();
        foreach (var item in node.Required("domains").Items())
        {
            item.Object("position", "name");
            var position = item.Required("position");
            if (position.Int() < 1 || domains.Any(d => d.Position == position.Int()))
            {
                throw position.Fail($"position {position.Int()} must be at least 1 and unique");
            }
            domains.Add(new BundleDomain(position.Int(), item.Required("name").String()));
        }
        return new BundleProgramme(
            node.Required("name").String(),
            node.Required("type").String(),
            k.Int(),
            node.Required("time_zone").String(),
            limit?.Int(),
            perPair.Int(),
            domains);
    }

    private static List<BundleInstrument> ReadInstruments(JsonCursor node, bool designed)
    {
        var instruments = new List<BundleInstrument>();
        // Sets, not searches of the list so far: a bundle of up to 100 MB must not take time growing with the square of its length.
        var seen = new HashSet<(string, int)>();
        foreach (var item in node.Items())
        {
            item.Object("key", "version", "audience", "stage", "items");
            string key = item.Required("key").String();
            var version = item.Required("version");
            if (version.Int() < 1)
            {
                throw version.Fail("must be at least 1");
            }
            if (!seen.Add((key, version.Int())))
            {
                throw item.Fail($"instrument \"{key}\" version {version.Int()} appears twice");
            }
            var audience = item.Required("audience");
            if (!BundleNames.TryRole(audience.String(), out var role))
            {
                throw audience.Fail($"expected one of {BundleNames.RoleChoices}");
            }
            var stage = ReadStage(item.Required("stage"), designed);
            var questions = new List<BundleItem>();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var scores = new HashSet<string>(StringComparer.Ordinal);
            foreach (var question in item.Required("items").Items())
            {
                questions.Add(ReadItem(question, keys, scores));
            }
            instruments.Add(new BundleInstrument(key, version.Int(), role, stage, questions));
        }
        return instruments;
    }

    /// <param name="keys">The keys of the instrument's items so far; this item's is added.</param>
    /// <param name="scores">The scores carried by its items so far; this item's is added.</param>
    private static BundleItem ReadItem(JsonCursor node, HashSet<string> keys, HashSet<string> scores)
    {
        node.Object("key", "type", "text", "choices", "score");
        string key = node.Required("key").String();
        if (!keys.Add(key))
        {
            throw node.Required("key").Fail($"item \"{key}\" appears twice in this instrument");
        }
        var typeNode = node.Required("type");
        if (!BundleNames.TryItemType(typeNode.String(), out var type))
        {
            throw typeNode.Fail($"expected one of {BundleNames.ItemTypeChoices}");
        }
        List<string>? choices = node.Optional("choices")?.Items().Select(c => c.String()).ToList();
        if (type == BundleItemType.SingleChoice && (choices is null || choices.Count < 2))
        {
            throw node.Fail("a single_choice item needs at least two choices");
        }
        if (type != BundleItemType.SingleChoice && choices is not null)
        {
            throw node.Required("choices").Fail("only single_choice items have choices");
        }
        var score = node.Optional("score");
        if (score is { } s && type is not (BundleItemType.Scale or BundleItemType.DomainGrid))
        {
            throw s.Fail("only scale and domain_grid items carry a score");
        }
        if (score is { } named && !scores.Add(named.String()))
        {
            // One item per score per questionnaire, so "confidence after phase 2" means one thing.
            throw named.Fail($"score \"{named.String()}\" is already carried by another item of this instrument");
        }
        return new BundleItem(key, type, node.Required("text").String(), choices, score?.String());
    }

    private static Evaluation.AnalysisPlan? ReadPlan(JsonCursor? node)
    {
        if (node is not { } plan) return null;
        return Evaluation.AnalysisPlan.Parse(plan.Element.GetRawText())
            ?? throw plan.Fail("not an analysis plan: a design from the list, one primary outcome, outcomes of known roles and stages, and α of 0.05 or 0.01");
    }

    private static (long? Seed, Designs.RandomisedUnit Unit, List<BundleStep> Steps) ReadRandomisation(JsonCursor? node)
    {
        if (node is not { } randomisation) return (null, Designs.RandomisedUnit.Mentee, []);
        randomisation.Object("seed", "unit", "steps");
        var seed = randomisation.Required("seed");
        long value = seed.Element.ValueKind == JsonValueKind.Number && seed.Element.TryGetInt64(out var v) && v >= 0 && v < (1L << 53)
            ? v
            : throw seed.Fail("must be a whole number from 0 to 2^53 − 1");
        var unit = Designs.RandomisedUnit.Mentee;
        if (randomisation.Optional("unit") is { } unitNode && !Designs.Steps.TryUnit(unitNode.String(), out unit))
        {
            throw unitNode.Fail("expected one of \"mentee\", \"department\"");
        }
        var steps = new List<BundleStep>();
        if (randomisation.Optional("steps") is { } stepsNode)
        {
            foreach (var item in stepsNode.Items())
            {
                item.Object("step", "starts_on");
                var number = item.Required("step");
                if (number.Int() != steps.Count + 1) throw number.Fail($"expected step {steps.Count + 1}: steps are numbered from 1 in order");
                var on = item.Required("starts_on");
                if (!DateOnly.TryParseExact(on.String(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
                {
                    throw on.Fail("expected a date as yyyy-mm-dd");
                }
                steps.Add(new BundleStep(number.Int(), date));
            }
        }
        return (value, unit, steps);
    }

    private static List<BundleParticipant> ReadParticipants(JsonCursor node, bool analysed, bool designed)
    {
        var participants = new List<BundleParticipant>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in node.Items())
        {
            item.Object(designed ? ["code", "role", "withdrawn_at_stage", "demographics", "may_be_quoted", "arm", "step"]
                : analysed ? ["code", "role", "withdrawn_at_stage", "demographics", "may_be_quoted"] : ["code", "role", "withdrawn_at_stage", "demographics"]);
            var code = item.Required("code");
            if (!codes.Add(code.String()))
            {
                throw code.Fail($"participant code \"{code.String()}\" appears twice");
            }
            var roleNode = item.Required("role");
            if (!BundleNames.TryRole(roleNode.String(), out var role))
            {
                throw roleNode.Fail($"expected one of {BundleNames.RoleChoices}");
            }
            BundleStage? withdrawn = item.Optional("withdrawn_at_stage") is { } w ? ReadStage(w, designed) : null;
            Designs.Arm? arm = null;
            if (item.Optional("arm") is { } armNode)
            {
                if (!BundleNames.TryArm(armNode.String(), out var a)) throw armNode.Fail($"expected one of {BundleNames.ArmChoices}");
                if (role != BundleRole.Mentee) throw armNode.Fail("only mentees are randomised to an arm");
                arm = a;
            }
            int? step = null;
            if (item.Optional("step") is { } stepNode)
            {
                if (arm is not null) throw stepNode.Fail("a participant has an arm or a step, not both");
                if (role != BundleRole.Mentee) throw stepNode.Fail("only mentees are drawn to a step");
                if (stepNode.Int() < 1) throw stepNode.Fail("must be at least 1");
                step = stepNode.Int();
            }
            participants.Add(new BundleParticipant(code.String(), role, withdrawn, ReadDemographics(item.Required("demographics")))
            {
                MayBeQuoted = item.Optional("may_be_quoted")?.Bool() ?? false,
                Arm = arm,
                Step = step,
            });
        }
        return participants;
    }

    private static BundleDemographics ReadDemographics(JsonCursor node)
    {
        node.Object("gender", "age_band", "staff_group", "grade", "years_in_role", "prior_mentoring");
        // Only the listed bands are accepted, so free text (which could name someone) cannot ride along.
        string? Band(Demographics.Question question)
        {
            if (node.Optional(question.Key) is not { } value)
            {
                return null;
            }
            return Demographics.Normalise(question, value.String()) is { } band && band == value.String()
                ? band
                : throw value.Fail($"not one of the {question.Key} bands: {string.Join(", ", question.Bands.Select(b => $"\"{b}\""))}");
        }
        return new BundleDemographics(
            Band(Demographics.Gender),
            Band(Demographics.AgeBand),
            Band(Demographics.StaffGroup),
            Band(Demographics.Grade),
            Band(Demographics.YearsInRole),
            Band(Demographics.PriorMentoring));
    }

    /// <summary>
    /// A stage, where <paramref name="designed"/> says whether the bundle's version knows controlled
    /// designs: "before_again" (a waitlist's second before) first appears in version 3, and an older
    /// bundle that names it was not written by Upward as that version said.
    /// </summary>
    private static BundleStage ReadStage(JsonCursor node, bool designed)
    {
        var stage = ReadStage(node);
        if (stage == BundleStage.BeforeAgain && !designed)
        {
            throw node.Fail("\"before_again\" first appears in version 3");
        }
        return stage;
    }

    internal static BundleStage ReadStage(JsonCursor node) =>
        BundleNames.TryStage(node.String(), out var stage) ? stage : throw node.Fail($"expected one of {BundleNames.StageChoices}");
}

using System.Text;
using System.Text.Json;

namespace Upward.Core.Bundles;

/// <summary>
/// Writes a research bundle deterministically: fields in the documented order, rows sorted by their
/// keys (docs/formats/bundle.md, "Order"), so the same data always gives the same bytes.
/// </summary>
public static class BundleWriter
{
    /// <summary>The bundle as indented UTF-8 JSON ending in a newline.</summary>
    public static byte[] Write(ResearchBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", ResearchBundle.Format);
            json.WriteNumber("version", ResearchBundle.Version);
            WriteProgramme(json, bundle.Programme);
            WriteInstruments(json, bundle.Instruments);
            WriteParticipants(json, bundle.Participants);
            WriteAnswers(json, bundle);
            WriteRows(json, "willingness", bundle.Willingness.OrderBy(w => w.Mentor, StringComparer.Ordinal).ThenBy(w => w.Mentee, StringComparer.Ordinal), (j, w) =>
            {
                j.WriteString("mentor", w.Mentor);
                j.WriteString("mentee", w.Mentee);
                j.WriteBoolean("willing", w.Willing);
            });
            WriteRows(json, "pairs", bundle.Pairs.OrderBy(p => p.Mentor, StringComparer.Ordinal).ThenBy(p => p.Mentee, StringComparer.Ordinal), (j, p) =>
            {
                j.WriteString("mentor", p.Mentor);
                j.WriteString("mentee", p.Mentee);
                j.WriteBoolean("ended", p.Ended);
            });
            WriteRows(json, "sessions", bundle.Sessions.OrderBy(s => s.Mentor, StringComparer.Ordinal).ThenBy(s => s.Mentee, StringComparer.Ordinal).ThenBy(s => s.Number), (j, s) =>
            {
                j.WriteString("mentor", s.Mentor);
                j.WriteString("mentee", s.Mentee);
                j.WriteNumber("number", s.Number);
                if (s.Minutes is double minutes)
                {
                    j.WriteNumber("minutes", minutes);
                }
                if (s.TimeFelt is TimeFelt felt)
                {
                    j.WriteString("time_felt", BundleNames.Of(felt));
                }
                j.WriteBoolean("held", s.Held);
            });
            var itemPosition = ItemPositions(bundle);
            BundleContentAnalysis.Write(json, bundle, a => itemPosition.GetValueOrDefault((a.Instrument, a.InstrumentVersion, a.Item), int.MaxValue));
            if (bundle.Plan is { } plan)
            {
                // The plan's canonical JSON, field for field, so its SHA-256 can be checked from the bundle.
                json.WritePropertyName("analysis_plan");
                using var canonical = JsonDocument.Parse(plan.CanonicalJson());
                canonical.RootElement.WriteTo(json);
            }
            if (bundle.RandomisationSeed is long seed)
            {
                json.WriteStartObject("randomisation");
                json.WriteNumber("seed", seed);
                // Said only for departments, so a bundle of mentees randomised one by one reads as before.
                if (bundle.RandomisedUnit != Designs.RandomisedUnit.Mentee) json.WriteString("unit", Designs.Steps.NameOf(bundle.RandomisedUnit));
                if (bundle.Steps.Count > 0)
                {
                    json.WriteStartArray("steps");
                    foreach (var step in bundle.Steps.OrderBy(s => s.Number))
                    {
                        json.WriteStartObject();
                        json.WriteNumber("step", step.Number);
                        json.WriteString("starts_on", step.StartsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>The bundle as a string (see <see cref="Write"/>).</summary>
    public static string WriteString(ResearchBundle bundle) => Encoding.UTF8.GetString(Write(bundle));

    private static void WriteProgramme(Utf8JsonWriter json, BundleProgramme programme)
    {
        json.WriteStartObject("programme");
        json.WriteString("name", programme.Name);
        json.WriteString("type", programme.Type);
        json.WriteNumber("anonymity_threshold", programme.AnonymityThreshold);
        json.WriteString("time_zone", programme.TimeZone);
        if (programme.SessionTimeLimitMinutes is int limit)
        {
            json.WriteNumber("session_time_limit_minutes", limit);
        }
        json.WriteNumber("sessions_per_pair", programme.SessionsPerPair);
        WriteRows(json, "domains", programme.Domains.OrderBy(d => d.Position), (j, d) =>
        {
            j.WriteNumber("position", d.Position);
            j.WriteString("name", d.Name);
        });
        json.WriteEndObject();
    }

    private static void WriteInstruments(Utf8JsonWriter json, IReadOnlyList<BundleInstrument> instruments)
    {
        var ordered = instruments
            .OrderBy(i => i.Audience)
            .ThenBy(i => BundleNames.StageOrder(i.Stage))
            .ThenBy(i => i.Key, StringComparer.Ordinal)
            .ThenBy(i => i.Version);
        WriteRows(json, "instruments", ordered, (j, instrument) =>
        {
            j.WriteString("key", instrument.Key);
            j.WriteNumber("version", instrument.Version);
            j.WriteString("audience", BundleNames.Of(instrument.Audience));
            j.WriteString("stage", BundleNames.Of(instrument.Stage));
            // Items keep the questionnaire's own order: it is part of the instrument.
            WriteRows(j, "items", instrument.Items, (k, item) =>
            {
                k.WriteString("key", item.Key);
                k.WriteString("type", BundleNames.Of(item.Type));
                k.WriteString("text", item.Text);
                if (item.Choices is { } choices)
                {
                    k.WriteStartArray("choices");
                    foreach (var choice in choices)
                    {
                        k.WriteStringValue(choice);
                    }
                    k.WriteEndArray();
                }
                if (item.Score is { } score)
                {
                    k.WriteString("score", score);
                }
            });
        });
    }

    private static void WriteParticipants(Utf8JsonWriter json, IReadOnlyList<BundleParticipant> participants)
    {
        WriteRows(json, "participants", participants.OrderBy(p => p.Code, StringComparer.Ordinal), (j, p) =>
        {
            j.WriteString("code", p.Code);
            j.WriteString("role", BundleNames.Of(p.Role));
            if (p.WithdrawnAtStage is BundleStage stage)
            {
                j.WriteString("withdrawn_at_stage", BundleNames.Of(stage));
            }
            if (p.MayBeQuoted)
            {
                j.WriteBoolean("may_be_quoted", true);
            }
            if (p.Arm is Designs.Arm arm)
            {
                j.WriteString("arm", BundleNames.Of(arm));
            }
            if (p.Step is int step)
            {
                j.WriteNumber("step", step);
            }
            j.WriteStartObject("demographics");
            WriteOptional(j, "gender", p.Demographics.Gender);
            WriteOptional(j, "age_band", p.Demographics.AgeBand);
            WriteOptional(j, "staff_group", p.Demographics.StaffGroup);
            WriteOptional(j, "grade", p.Demographics.Grade);
            WriteOptional(j, "years_in_role", p.Demographics.YearsInRole);
            WriteOptional(j, "prior_mentoring", p.Demographics.PriorMentoring);
            j.WriteEndObject();
        });
    }

    private static void WriteAnswers(Utf8JsonWriter json, ResearchBundle bundle)
    {
        // Answers follow participant, instrument, version, then the item's place in its questionnaire and the domain.
        var itemPosition = ItemPositions(bundle);
        var ordered = bundle.Answers
            .OrderBy(a => a.Participant, StringComparer.Ordinal)
            .ThenBy(a => a.Instrument, StringComparer.Ordinal)
            .ThenBy(a => a.InstrumentVersion)
            .ThenBy(a => itemPosition.GetValueOrDefault((a.Instrument, a.InstrumentVersion, a.Item), int.MaxValue))
            .ThenBy(a => a.Item, StringComparer.Ordinal)
            .ThenBy(a => a.Domain ?? 0);
        WriteRows(json, "answers", ordered, (j, a) =>
        {
            j.WriteString("participant", a.Participant);
            j.WriteString("instrument", a.Instrument);
            j.WriteNumber("instrument_version", a.InstrumentVersion);
            j.WriteString("item", a.Item);
            if (a.Domain is int domain)
            {
                j.WriteNumber("domain", domain);
            }
            if (a.Number is double number)
            {
                j.WriteNumber("number", number);
            }
            WriteOptional(j, "text", a.Text);
        });
    }

    private static Dictionary<(string, int, string), int> ItemPositions(ResearchBundle bundle)
    {
        var itemPosition = new Dictionary<(string, int, string), int>();
        foreach (var instrument in bundle.Instruments)
        {
            for (int i = 0; i < instrument.Items.Count; i++)
            {
                itemPosition[(instrument.Key, instrument.Version, instrument.Items[i].Key)] = i;
            }
        }
        return itemPosition;
    }

    private static void WriteRows<T>(Utf8JsonWriter json, string name, IEnumerable<T> rows, Action<Utf8JsonWriter, T> write)
    {
        json.WriteStartArray(name);
        foreach (var row in rows)
        {
            json.WriteStartObject();
            write(json, row);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}

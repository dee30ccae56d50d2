using System.Text.Json;

namespace Upward.Core.Bundles;

/// <summary>
/// The content analysis part of a version 2 bundle (themes, codings, quotes): read strictly, every
/// reference checked, and written in a fixed order. Kept apart from the rest of the reader and writer
/// because only version 2 has it.
/// </summary>
internal static class BundleContentAnalysis
{
    public static ResearchBundle Read(JsonCursor root, ResearchBundle bundle)
    {
        var themes = ReadThemes(root.Required("themes"));
        var names = themes.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var participants = bundle.Participants.ToDictionary(p => p.Code, StringComparer.Ordinal);
        // Only answers with text can be coded; free-text and yes/no follow-up answers have no domain, so four fields name one.
        var texts = bundle.Answers.Where(a => a.Text is not null && a.Domain is null)
            .ToDictionary(a => new BundleAnswerReference(a.Participant, a.Instrument, a.InstrumentVersion, a.Item), a => a.Text!);

        var codings = new List<BundleCoding>();
        var seen = new HashSet<BundleCoding>();
        foreach (var node in root.Required("codings").Items())
        {
            node.Object("participant", "instrument", "instrument_version", "item", "theme", "passage_start", "passage_length");
            var (answer, text) = Answer(node, texts);
            var theme = Theme(node.Required("theme"), names);
            var start = node.Optional("passage_start");
            var length = node.Optional("passage_length");
            if ((start is null) != (length is null))
            {
                throw node.Fail("passage_start and passage_length go together: give both or neither");
            }
            if (start is { } s && length is { } l && (s.Int() < 0 || l.Int() < 1 || s.Int() > text.Length - l.Int()))
            {
                throw s.Fail($"the passage must lie within the answer's {text.Length} characters and be at least 1 long");
            }
            var coding = new BundleCoding(answer, theme, start?.Int(), length?.Int());
            if (!seen.Add(coding))
            {
                throw node.Fail($"this coding of {answer.Participant}'s \"{answer.Item}\" with \"{theme}\" appears twice");
            }
            codings.Add(coding);
        }

        var quotes = new List<BundleQuote>();
        // Sets, not searches of the lists so far: a bundle of up to 100 MB must not take time growing with the square of its length.
        var quoted = new HashSet<string>(StringComparer.Ordinal);
        var coded = codings.Select(c => (c.Theme, c.Answer)).ToHashSet();
        foreach (var node in root.Required("quotes").Items())
        {
            node.Object("theme", "participant", "instrument", "instrument_version", "item");
            var theme = Theme(node.Required("theme"), names);
            var (answer, _) = Answer(node, texts);
            if (quoted.Contains(theme))
            {
                throw node.Required("theme").Fail($"theme \"{theme}\" already has a quote");
            }
            // Consent travels with the bundle, so an offline analysis cannot quote someone who said no.
            if (!participants[answer.Participant].MayBeQuoted)
            {
                throw node.Required("participant").Fail($"{answer.Participant} did not agree to be quoted");
            }
            if (!coded.Contains((theme, answer)))
            {
                throw node.Fail($"the quoted answer is not coded with \"{theme}\"");
            }
            quoted.Add(theme);
            quotes.Add(new BundleQuote(theme, answer));
        }
        return bundle with { Themes = themes, Codings = codings, Quotes = quotes };
    }

    private static List<BundleTheme> ReadThemes(JsonCursor node)
    {
        var themes = new List<BundleTheme>();
        var parents = new List<JsonCursor?>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in node.Items())
        {
            item.Object("name", "definition", "parent");
            var name = item.Required("name");
            // One name per codebook, ignoring case, as in Upward, so a row of Table 1 is never ambiguous.
            if (!names.Add(name.String()))
            {
                throw name.Fail($"theme \"{name.String()}\" appears twice");
            }
            var parent = item.Optional("parent");
            themes.Add(new BundleTheme(name.String(), item.Optional("definition")?.String() ?? "", parent?.String()));
            parents.Add(parent);
        }
        var byName = themes.ToDictionary(t => t.Name, StringComparer.Ordinal);
        // Every parent is known before any loop is looked for, so the walk below never meets a name it cannot follow.
        foreach (var parent in parents.OfType<JsonCursor>().Where(p => !byName.ContainsKey(p.String())))
        {
            throw parent.Fail($"unknown theme \"{parent.String()}\"");
        }
        // Themes whose walk up is known to end at the top; a walk stops at one, so a long chain is walked once, not once per theme.
        var rooted = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < themes.Count; i++)
        {
            if (parents[i] is not { } parent) continue;
            // Walk up: reaching the theme itself again means a loop, which no codebook can hold.
            var seen = new HashSet<string>(StringComparer.Ordinal) { themes[i].Name };
            for (string? at = parent.String(); at is not null && !rooted.Contains(at); at = byName[at].Parent)
            {
                if (!seen.Add(at))
                {
                    throw parent.Fail($"theme \"{themes[i].Name}\" would sit under itself");
                }
            }
            rooted.UnionWith(seen);
        }
        return themes;
    }

    private static (BundleAnswerReference Answer, string Text) Answer(JsonCursor node, Dictionary<BundleAnswerReference, string> texts)
    {
        var answer = new BundleAnswerReference(
            node.Required("participant").String(), node.Required("instrument").String(),
            node.Required("instrument_version").Int(), node.Required("item").String());
        return texts.TryGetValue(answer, out var text)
            ? (answer, text)
            : throw node.Fail($"no answer with text from {answer.Participant} to \"{answer.Item}\" in \"{answer.Instrument}\" version {answer.InstrumentVersion}");
    }

    private static string Theme(JsonCursor node, HashSet<string> names) =>
        names.Contains(node.String()) ? node.String() : throw node.Fail($"unknown theme \"{node.String()}\"");

    public static void Write(Utf8JsonWriter json, ResearchBundle bundle, Func<BundleAnswerReference, int> itemPosition)
    {
        Rows(json, "themes", bundle.Themes.OrderBy(t => t.Name, StringComparer.Ordinal), t =>
        {
            json.WriteString("name", t.Name);
            if (t.Definition.Length > 0)
            {
                json.WriteString("definition", t.Definition);
            }
            if (t.Parent is { } parent)
            {
                json.WriteString("parent", parent);
            }
        });
        var codings = bundle.Codings
            .OrderBy(c => c.Answer.Participant, StringComparer.Ordinal)
            .ThenBy(c => c.Answer.Instrument, StringComparer.Ordinal)
            .ThenBy(c => c.Answer.InstrumentVersion)
            .ThenBy(c => itemPosition(c.Answer))
            .ThenBy(c => c.Answer.Item, StringComparer.Ordinal)
            .ThenBy(c => c.Theme, StringComparer.Ordinal)
            .ThenBy(c => c.PassageStart ?? -1)
            .ThenBy(c => c.PassageLength ?? -1);
        Rows(json, "codings", codings, c =>
        {
            WriteAnswer(json, c.Answer);
            json.WriteString("theme", c.Theme);
            if (c.PassageStart is int start && c.PassageLength is int length)
            {
                json.WriteNumber("passage_start", start);
                json.WriteNumber("passage_length", length);
            }
        });
        Rows(json, "quotes", bundle.Quotes.OrderBy(q => q.Theme, StringComparer.Ordinal), q =>
        {
            json.WriteString("theme", q.Theme);
            WriteAnswer(json, q.Answer);
        });
    }

    private static void WriteAnswer(Utf8JsonWriter json, BundleAnswerReference answer)
    {
        json.WriteString("participant", answer.Participant);
        json.WriteString("instrument", answer.Instrument);
        json.WriteNumber("instrument_version", answer.InstrumentVersion);
        json.WriteString("item", answer.Item);
    }

    private static void Rows<T>(Utf8JsonWriter json, string name, IEnumerable<T> rows, Action<T> write)
    {
        json.WriteStartArray(name);
        foreach (var row in rows)
        {
            json.WriteStartObject();
            write(row);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}

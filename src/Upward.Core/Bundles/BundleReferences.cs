namespace Upward.Core.Bundles;

/// <summary>Checks the rows that refer to participants, instruments, items and domains against what the bundle defines.</summary>
internal sealed class BundleReferences
{
    private readonly Dictionary<string, BundleParticipant> _participants;
    private readonly Dictionary<(string Key, int Version), BundleInstrument> _instruments;
    // Items by key for each instrument, so finding an answer's item does not search every item.
    private readonly Dictionary<(string Key, int Version), Dictionary<string, BundleItem>> _items;
    private readonly HashSet<int> _domains;
    private readonly HashSet<(string, string)> _willingness = [];
    private readonly HashSet<(string, string)> _pairs = [];
    private readonly HashSet<(string, string, int)> _sessions = [];

    public BundleReferences(BundleProgramme programme, List<BundleInstrument> instruments, List<BundleParticipant> participants)
    {
        _participants = participants.ToDictionary(p => p.Code, StringComparer.Ordinal);
        _instruments = instruments.ToDictionary(i => (i.Key, i.Version));
        _items = instruments.ToDictionary(i => (i.Key, i.Version), i => i.Items.ToDictionary(item => item.Key, StringComparer.Ordinal));
        _domains = programme.Domains.Select(d => d.Position).ToHashSet();
    }

    public BundleAnswer Answer(JsonCursor node)
    {
        node.Object("participant", "instrument", "instrument_version", "item", "domain", "number", "text");
        var participant = Participant(node.Required("participant"));
        var instrumentNode = node.Required("instrument");
        var version = node.Required("instrument_version");
        if (!_instruments.TryGetValue((instrumentNode.String(), version.Int()), out var instrument))
        {
            throw instrumentNode.Fail($"unknown instrument \"{instrumentNode.String()}\" version {version.Int()}");
        }
        if (instrument.Audience != participant.Role)
        {
            throw node.Required("participant").Fail($"{participant.Code} is a {BundleNames.Of(participant.Role)} but \"{instrument.Key}\" is for {BundleNames.Of(instrument.Audience)}s");
        }
        var itemNode = node.Required("item");
        var item = _items[(instrument.Key, instrument.Version)].GetValueOrDefault(itemNode.String())
            ?? throw itemNode.Fail($"unknown item \"{itemNode.String()}\" in instrument \"{instrument.Key}\"");

        var domainNode = node.Optional("domain");
        if (item.Type == BundleItemType.DomainGrid)
        {
            var required = domainNode ?? throw node.Fail("a domain_grid answer needs a domain (its position)");
            if (!_domains.Contains(required.Int()))
            {
                throw required.Fail($"unknown domain position {required.Int()}");
            }
        }
        else if (domainNode is { } unexpected)
        {
            throw unexpected.Fail("only domain_grid answers name a domain");
        }

        double? number = node.Optional("number") is { } n ? CheckNumber(n, item) : null;
        string? text = node.Optional("text")?.String();
        if (item.Type == BundleItemType.FreeText)
        {
            if (number is not null)
            {
                throw node.Required("number").Fail("free_text answers have text, not a number");
            }
            if (text is null)
            {
                throw node.Fail("a free_text answer needs text");
            }
        }
        else
        {
            if (number is null)
            {
                throw node.Fail($"a {BundleNames.Of(item.Type)} answer needs a number");
            }
            if (text is not null && item.Type != BundleItemType.YesNo)
            {
                throw node.Required("text").Fail("only yes_no (follow-up) and free_text answers have text");
            }
        }
        return new BundleAnswer(participant.Code, instrument.Key, instrument.Version, item.Key, domainNode?.Int(), number, text);
    }

    public void RejectDuplicateAnswers(List<BundleAnswer> answers)
    {
        var seen = new HashSet<(string, string, int, string, int?)>();
        for (int i = 0; i < answers.Count; i++)
        {
            var a = answers[i];
            if (!seen.Add((a.Participant, a.Instrument, a.InstrumentVersion, a.Item, a.Domain)))
            {
                throw new BundleFormatException($"$.answers[{i}]", $"{a.Participant} already answered \"{a.Item}\"{(a.Domain is int d ? $" for domain {d}" : "")} in \"{a.Instrument}\" version {a.InstrumentVersion}");
            }
        }
    }

    public BundleWillingness Willingness(JsonCursor node)
    {
        node.Object("mentor", "mentee", "willing");
        var (mentor, mentee) = MentorAndMentee(node);
        if (!_willingness.Add((mentor, mentee)))
        {
            throw node.Fail($"willingness of {mentor} for {mentee} appears twice");
        }
        return new BundleWillingness(mentor, mentee, node.Required("willing").Bool());
    }

    public BundlePair Pair(JsonCursor node)
    {
        node.Object("mentor", "mentee", "ended");
        var (mentor, mentee) = MentorAndMentee(node);
        if (!_pairs.Add((mentor, mentee)))
        {
            throw node.Fail($"the pair {mentor} and {mentee} appears twice");
        }
        return new BundlePair(mentor, mentee, node.Optional("ended")?.Bool() ?? false);
    }

    public BundleSession Session(JsonCursor node)
    {
        node.Object("mentor", "mentee", "number", "minutes", "time_felt", "held");
        var (mentor, mentee) = MentorAndMentee(node);
        if (!_pairs.Contains((mentor, mentee)))
        {
            throw node.Fail($"{mentor} and {mentee} are not a pair in $.pairs");
        }
        var number = node.Required("number");
        if (number.Int() < 1 || !_sessions.Add((mentor, mentee, number.Int())))
        {
            throw number.Fail($"session {number.Int()} of {mentor} and {mentee} must be at least 1 and unique");
        }
        double? minutes = null;
        if (node.Optional("minutes") is { } m)
        {
            minutes = m.Number() >= 0 ? m.Number() : throw m.Fail("minutes cannot be negative");
        }
        TimeFelt? felt = null;
        if (node.Optional("time_felt") is { } f)
        {
            felt = BundleNames.TryTimeFelt(f.String(), out var value) ? value : throw f.Fail($"expected one of {BundleNames.TimeFeltChoices}");
        }
        return new BundleSession(mentor, mentee, number.Int(), minutes, felt, node.Required("held").Bool());
    }

    private (string Mentor, string Mentee) MentorAndMentee(JsonCursor node)
    {
        var mentor = Participant(node.Required("mentor"));
        var mentee = Participant(node.Required("mentee"));
        if (mentor.Role != BundleRole.Mentor)
        {
            throw node.Required("mentor").Fail($"{mentor.Code} is not a mentor");
        }
        if (mentee.Role != BundleRole.Mentee)
        {
            throw node.Required("mentee").Fail($"{mentee.Code} is not a mentee");
        }
        return (mentor.Code, mentee.Code);
    }

    private BundleParticipant Participant(JsonCursor node) =>
        _participants.TryGetValue(node.String(), out var participant)
            ? participant
            : throw node.Fail($"unknown participant \"{node.String()}\"");

    private static double CheckNumber(JsonCursor node, BundleItem item)
    {
        double value = node.Number();
        bool ok = item.Type switch
        {
            BundleItemType.Scale or BundleItemType.DomainGrid => value is 1 or 2 or 3 or 4 or 5,
            BundleItemType.YesNo => value is 0 or 1,
            BundleItemType.SingleChoice => value >= 1 && value <= item.Choices!.Count && value == Math.Floor(value),
            BundleItemType.Minutes => value >= 0,
            _ => true,
        };
        return ok ? value : throw node.Fail(item.Type switch
        {
            BundleItemType.Scale or BundleItemType.DomainGrid => "expected a whole number from 1 to 5",
            BundleItemType.YesNo => "expected 1 (yes) or 0 (no)",
            BundleItemType.SingleChoice => $"expected a choice position from 1 to {item.Choices!.Count}",
            _ => "minutes cannot be negative",
        });
    }
}

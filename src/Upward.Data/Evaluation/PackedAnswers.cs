using System.Collections;
using Upward.Core.Bundles;

namespace Upward.Data.Evaluation;

/// <summary>
/// A bundle's answers held as small numbers (which participant, which instrument and item, the
/// value) and handed out as <see cref="BundleAnswer"/>s on reading. Two million answer records kept
/// alive for the length of a request cost more in garbage collection than building the report from
/// them; made on the way past, each dies young. Every reader still sees the same answers.
/// </summary>
/// <param name="capacity">How many answers to make room for at first.</param>
internal sealed class PackedAnswers(IReadOnlyList<string> participants, IReadOnlyList<PackedAnswers.Source> sources, int capacity) : IReadOnlyList<BundleAnswer>
{
    /// <summary>An instrument item as the bundle names it.</summary>
    public sealed record Source(string Instrument, int Version, string Item);

    private readonly record struct Row(int Participant, int Source, bool HasDomain, int Domain, bool HasNumber, int Number, int Text);

    private Row[] _rows = new Row[Math.Max(capacity, 16)];
    private readonly List<string> _texts = [];

    public int Count { get; private set; }

    /// <param name="domain">The domain's position, or null for an answer to the whole item.</param>
    public void Add(int participant, int source, int? domain, int? number, string? text)
    {
        if (Count == _rows.Length) Array.Resize(ref _rows, _rows.Length * 2);
        int textIndex = -1;
        if (text is not null)
        {
            textIndex = _texts.Count;
            _texts.Add(text);
        }
        _rows[Count++] = new Row(participant, source, domain is not null, domain ?? 0, number is not null, number ?? 0, textIndex);
    }

    public BundleAnswer this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            var row = _rows[index];
            var source = sources[row.Source];
            return new BundleAnswer(participants[row.Participant], source.Instrument, source.Version, source.Item,
                row.HasDomain ? row.Domain : null, row.HasNumber ? row.Number : null, row.Text >= 0 ? _texts[row.Text] : null);
        }
    }

    public IEnumerator<BundleAnswer> GetEnumerator()
    {
        for (int i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

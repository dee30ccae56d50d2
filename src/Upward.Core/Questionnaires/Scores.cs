namespace Upward.Core.Questionnaires;

/// <summary>Named scores of one response, so a report can set a participant's "confidence" before beside after.</summary>
public static class Scores
{
    /// <summary>
    /// Totals per score name: a domain grid sums its domains (out of 5 × domains), a scale is its rating.
    /// A score is left out when any of its ratings is missing, so an incomplete total never passes for a low one.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Of(IEnumerable<InstrumentItem> items, IReadOnlyCollection<Answer> answers, IReadOnlyList<Guid> domainIds)
    {
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items.Where(i => i.ScoreName is not null))
        {
            var mine = answers.Where(a => a.ItemId == item.Id && a.Number is not null).ToList();
            if (item.Type == ItemType.DomainGrid)
            {
                if (domainIds.Count > 0 && domainIds.All(d => mine.Any(a => a.DomainId == d)))
                {
                    totals[item.ScoreName!] = domainIds.Sum(d => mine.First(a => a.DomainId == d).Number!.Value);
                }
            }
            else if (mine.Count == 1)
            {
                totals[item.ScoreName!] = mine[0].Number!.Value;
            }
        }
        return totals;
    }
}

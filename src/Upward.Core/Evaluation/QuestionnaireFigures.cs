using Upward.Core.Bundles;
using Upward.Core.Statistics;

namespace Upward.Core.Evaluation;

/// <summary>One questionnaire's figures at its stage.</summary>
/// <param name="Respondents">Participants who answered at least one item.</param>
public sealed record InstrumentFigures(string Key, int Version, BundleRole Audience, BundleStage Stage, int Respondents, IReadOnlyList<ItemFigures> Items);

/// <summary>
/// One item's figures. Which of the optional parts is filled depends on the type: a summary for
/// scale and minutes, domains and a total for a domain grid, a proportion for yes/no, counts for a
/// single choice; free text is only counted.
/// </summary>
/// <param name="Respondents">Participants who answered this item (any domain of a grid).</param>
/// <param name="Suppressed">Fewer than k respondents: every figure is withheld.</param>
/// <param name="Summary">Scale or minutes; for a grid, the total of those who answered every domain.</param>
public sealed record ItemFigures(
    string Key,
    BundleItemType Type,
    string Text,
    string? Score,
    int Respondents,
    bool Suppressed,
    Summary? Summary,
    IReadOnlyList<DomainSummary>? Domains,
    Proportion? Yes,
    IReadOnlyList<ChoiceCount>? Choices);

/// <summary>A domain's summary; null when nobody answered it.</summary>
public sealed record DomainSummary(int Position, string Name, Summary? Summary);

/// <summary>How many chose one option of a single-choice item.</summary>
public sealed record ChoiceCount(int Position, string Choice, int Count);

using Upward.Core.Bundles;
using Upward.Core.PhaseOne;
using Upward.Core.Statistics;

namespace Upward.Core.Evaluation;

/// <summary>The one-to-one sessions: how many were held, how long they took and how the time felt.</summary>
/// <param name="Minutes">Durations of held sessions with a recorded length; null when fewer than k.</param>
/// <param name="MinutesN">How many durations were recorded.</param>
/// <param name="TimeFelt">Counts of held sessions by how the time felt, in the order too short, about right, too long; empty when fewer than k answered.</param>
/// <param name="PairsThatMet">Pairs with at least one held session.</param>
/// <param name="SessionsPerPair">How many sessions the programme planned for each pair.</param>
public sealed record SessionFigures(
    int Pairs,
    int PairsThatMet,
    int SessionsPerPair,
    int Sessions,
    int Held,
    int? TimeLimitMinutes,
    int MinutesN,
    Summary? Minutes,
    int TimeFeltN,
    IReadOnlyList<TimeFeltCount> TimeFelt);

/// <summary>How many held sessions felt a given length.</summary>
public sealed record TimeFeltCount(TimeFelt Felt, int Count);

/// <summary>The willingness summary from phase 1, computed by <see cref="WillingnessSummary"/>.</summary>
/// <param name="Headline">For example "3 of 6 mentors are willing to mentor every mentee".</param>
public sealed record WillingnessFigures(int Mentors, int Mentees, int MentorsWillingForEveryMentee, IReadOnlyList<WillingnessBand> Bands, string Headline, IReadOnlyList<string> BandLines, int MentorsYetToAnswer);

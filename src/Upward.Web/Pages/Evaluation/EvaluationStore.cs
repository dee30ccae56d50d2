using System.Collections.Concurrent;
using Upward.Core.Evaluation;

namespace Upward.Web.Pages.Evaluation;

/// <summary>
/// Large programmes' evaluations, kept in this instance's memory between views. Another instance keeps
/// its own: nothing here has to agree across instances, because each copy says when it was calculated.
/// While one request recalculates a programme, the others are given the figures already kept rather
/// than starting the same seconds-long calculation again.
/// </summary>
public sealed class EvaluationStore
{
    /// <summary>A programme's figures under one analysis plan (its hash and when it became fixed).</summary>
    public sealed record Key(Guid ProgrammeId, AnalysisPlanStamp Plan);

    private readonly ConcurrentDictionary<Guid, (Key Key, CalculatedEvaluation Figures)> _kept = new();
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _calculating = new();

    public async Task<CalculatedEvaluation> GetAsync(Key key, DateTime calculatedNoEarlierThanUtc, Func<Task<CalculatedEvaluation>> calculate, CancellationToken ct)
    {
        bool Current(out CalculatedEvaluation figures)
        {
            figures = default!;
            if (!_kept.TryGetValue(key.ProgrammeId, out var kept) || kept.Key != key) return false;
            figures = kept.Figures;
            return figures.CalculatedAtUtc >= calculatedNoEarlierThanUtc;
        }

        if (Current(out var current)) return current;
        var turn = _calculating.GetOrAdd(key.ProgrammeId, _ => new SemaphoreSlim(1, 1));
        bool mine = await turn.WaitAsync(0, ct);
        if (!mine)
        {
            // Someone is recalculating: older figures under the same plan will do meanwhile.
            if (_kept.TryGetValue(key.ProgrammeId, out var older) && older.Key == key) return older.Figures;
            await turn.WaitAsync(ct);
        }
        try
        {
            if (Current(out current)) return current;
            var figures = await calculate();
            _kept[key.ProgrammeId] = (key, figures);
            return figures;
        }
        finally
        {
            turn.Release();
        }
    }

    public void Forget(Guid programmeId) => _kept.TryRemove(programmeId, out _);
}

using System.Collections.Concurrent;

namespace Upward.Web.Programmes;

/// <summary>
/// Figures of a large programme that take seconds to calculate, kept in this instance's memory between
/// views. Another instance keeps its own: nothing here has to agree across instances, because each copy
/// says when it was calculated. While one request recalculates a programme, the others are given the
/// figures already kept rather than starting the same calculation again.
/// </summary>
/// <typeparam name="TVersion">What must match for kept figures to be used at all (the analysis plan, say): a change shows at once.</typeparam>
/// <typeparam name="TFigures">The figures; each copy knows when it was calculated.</typeparam>
public abstract class KeptFigures<TVersion, TFigures>(Func<TFigures, DateTime> calculatedAtUtc)
{
    private readonly ConcurrentDictionary<Guid, (TVersion Version, TFigures Figures)> _kept = new();
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _calculating = new();

    /// <summary>Counts each programme's <see cref="Forget"/>s, so a recalculation begun before one is not kept after it.</summary>
    private readonly ConcurrentDictionary<Guid, int> _forgotten = new();

    /// <param name="recalculateInBackground">
    /// When given and the kept figures are of this version but older than wanted, they are returned at once
    /// and this recalculates them after the request (in its own scope: the request's will be gone), so a
    /// reader does not wait seconds every few minutes; the page then says newer figures are on their way.
    /// Its failures are its own to log: the older figures stay and the next view tries again.
    /// </param>
    public async Task<TFigures> GetAsync(Guid programmeId, TVersion version, DateTime calculatedNoEarlierThanUtc, Func<Task<TFigures>> calculate, CancellationToken ct,
        Func<Task<TFigures>>? recalculateInBackground = null)
    {
        bool Current(out TFigures figures)
        {
            figures = default!;
            if (!_kept.TryGetValue(programmeId, out var kept) || !Equals(kept.Version, version)) return false;
            figures = kept.Figures;
            return calculatedAtUtc(figures) >= calculatedNoEarlierThanUtc;
        }

        if (Current(out var current)) return current;
        var turn = _calculating.GetOrAdd(programmeId, _ => new SemaphoreSlim(1, 1));
        if (recalculateInBackground is not null && _kept.TryGetValue(programmeId, out var old) && Equals(old.Version, version))
        {
            if (await turn.WaitAsync(0, CancellationToken.None))
            {
                var forgotten = _forgotten.GetValueOrDefault(programmeId);
                _ = Task.Run(async () =>
                {
                    try
                    {
                        var figures = await recalculateInBackground();
                        if (_forgotten.GetValueOrDefault(programmeId) == forgotten) _kept[programmeId] = (version, figures);
                    }
                    catch (Exception)
                    {
                        // Logged by recalculateInBackground; the older figures stay until the next view tries again.
                    }
                    finally
                    {
                        turn.Release();
                    }
                }, CancellationToken.None);
            }
            // Being recalculated, by this view's background work or another's.
            return old.Figures;
        }
        bool mine = await turn.WaitAsync(0, ct);
        if (!mine)
        {
            // Someone is recalculating: older figures of the same version will do meanwhile.
            if (_kept.TryGetValue(programmeId, out var older) && Equals(older.Version, version)) return older.Figures;
            await turn.WaitAsync(ct);
        }
        try
        {
            if (Current(out current)) return current;
            var figures = await calculate();
            _kept[programmeId] = (version, figures);
            return figures;
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>Drops a programme's kept figures, so the next view recalculates them.</summary>
    public void Forget(Guid programmeId)
    {
        _forgotten.AddOrUpdate(programmeId, 1, (_, n) => n + 1);
        _kept.TryRemove(programmeId, out _);
    }
}

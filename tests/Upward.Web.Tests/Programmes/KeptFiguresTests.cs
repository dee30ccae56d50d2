using Upward.Web.Programmes;

namespace Upward.Web.Tests.Programmes;

/// <summary>
/// Kept figures past their age: shown at once while one recalculation runs in the background, and a
/// recalculation begun before a reader asked for fresh figures is not kept after it.
/// </summary>
public sealed class KeptFiguresTests
{
    private sealed record Figures(string Name, DateTime CalculatedAtUtc);

    private sealed class Store() : KeptFigures<int, Figures>(f => f.CalculatedAtUtc);

    private static readonly Guid Programme = Guid.NewGuid();
    private static readonly DateTime Noon = new(2027, 1, 12, 12, 0, 0, DateTimeKind.Utc);

    private static Func<Task<Figures>> Calculated(string name, DateTime at) => () => Task.FromResult(new Figures(name, at));

    [Fact]
    public async Task Figures_past_their_age_are_shown_while_one_background_recalculation_replaces_them()
    {
        var store = new Store();
        await store.GetAsync(Programme, 1, Noon, Calculated("first", Noon), CancellationToken.None);
        var release = new TaskCompletionSource();
        var backgroundRuns = 0;
        async Task<Figures> Background()
        {
            Interlocked.Increment(ref backgroundRuns);
            await release.Task;
            return new Figures("fresh", Noon.AddMinutes(6));
        }
        Func<Task<Figures>> mustNotRun = () => throw new InvalidOperationException("a view waited for a calculation");

        // Two views after the age: both are given the old figures at once, and only one recalculation starts.
        var later = Noon.AddMinutes(1);
        Assert.Equal("first", (await store.GetAsync(Programme, 1, later, mustNotRun, CancellationToken.None, Background)).Name);
        Assert.Equal("first", (await store.GetAsync(Programme, 1, later, mustNotRun, CancellationToken.None, Background)).Name);

        release.SetResult();
        var shown = await EventuallyAsync(() => store.GetAsync(Programme, 1, later, mustNotRun, CancellationToken.None, Background), f => f.Name == "fresh");
        Assert.Equal("fresh", shown.Name);
        Assert.Equal(1, backgroundRuns);
    }

    [Fact]
    public async Task A_background_recalculation_begun_before_a_reader_asked_for_fresh_figures_is_not_kept()
    {
        var store = new Store();
        await store.GetAsync(Programme, 1, Noon, Calculated("first", Noon), CancellationToken.None);
        var release = new TaskCompletionSource();
        var finished = new TaskCompletionSource();
        async Task<Figures> Background()
        {
            await release.Task;
            finished.SetResult();
            return new Figures("begun before", Noon.AddMinutes(6));
        }
        Assert.Equal("first", (await store.GetAsync(Programme, 1, Noon.AddMinutes(1), Calculated("unused", Noon), CancellationToken.None, Background)).Name);

        store.Forget(Programme);
        release.SetResult();
        await finished.Task;
        // The next view waits for the background work to end, finds nothing kept, and calculates.
        Assert.Equal("asked for", (await store.GetAsync(Programme, 1, Noon.AddMinutes(1), Calculated("asked for", Noon.AddMinutes(7)), CancellationToken.None)).Name);
    }

    [Fact]
    public async Task A_changed_version_is_calculated_while_the_reader_waits_not_in_the_background()
    {
        var store = new Store();
        await store.GetAsync(Programme, 1, Noon, Calculated("plan one", Noon), CancellationToken.None);
        Func<Task<Figures>> background = () => throw new InvalidOperationException("old figures of another plan were shown");
        Assert.Equal("plan two", (await store.GetAsync(Programme, 2, Noon.AddMinutes(1), Calculated("plan two", Noon.AddMinutes(1)), CancellationToken.None, background)).Name);
    }

    private static async Task<Figures> EventuallyAsync(Func<Task<Figures>> view, Func<Figures, bool> done)
    {
        for (var attempt = 0; ; attempt++)
        {
            var figures = await view();
            if (done(figures)) return figures;
            Assert.True(attempt < 250, "the background recalculation did not finish");
            await Task.Delay(20);
        }
    }
}

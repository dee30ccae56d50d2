using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Upward.Data;

/// <summary>
/// Gives a new row the time it was made, from the injected clock, when the code that made it left
/// that time unset. Entities cannot see the clock (they are plain classes in Core), and a default of
/// the machine's time would ignore the clock tests replace; stamping at save keeps one clock for all.
/// </summary>
/// <remarks>
/// Only rows being added are stamped, and only a time still at its default: an import that carries
/// the original time keeps it. A change to an existing row sets its own time where it matters
/// (a response's <c>UpdatedAtUtc</c>, for example), because "when last changed" is a decision of
/// the code that changes it.
/// </remarks>
public sealed class ClockStamps(TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>The names the model uses for "when this row was made".</summary>
    private static readonly string[] CreationTimes = ["CreatedAtUtc", "AtUtc", "StartedAtUtc", "UpdatedAtUtc", "RecordedAtUtc"];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? db)
    {
        if (db is null) return;
        DateTime? now = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Added) continue;
            foreach (var name in CreationTimes)
            {
                if (entry.Metadata.FindProperty(name)?.ClrType != typeof(DateTime)) continue;
                var time = entry.Property(name);
                if ((DateTime)time.CurrentValue! == default)
                {
                    time.CurrentValue = now ??= clock.GetUtcNow().UtcDateTime;
                }
            }
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Upward.Core.Auditing;
using Upward.Core.Organisations;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Foundation;

/// <summary>New rows take their time from the app's clock, so a test that replaces the clock sees its own time.</summary>
public sealed class ClockStampsTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2031, 3, 4, 10, 15, 0, TimeSpan.Zero);
    private readonly UpwardFactory _factory = new() { Clock = new FakeTimeProvider(Start) };

    [Fact]
    public async Task A_new_row_without_a_time_is_stamped_with_the_app_clock()
    {
        _ = _factory.Server;
        var name = "Clock Trust " + Guid.NewGuid().ToString("N")[..6];
        await _factory.WithDbAsync(async db =>
        {
            db.Organisations.Add(new Organisation { Name = name });
            db.AuditEntries.Add(new AuditEntry { Action = "test.clock", Subject = name });
            await db.SaveChangesAsync();
        });

        var created = await _factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.CreatedAtUtc).SingleAsync());
        var audited = await _factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == name).Select(a => a.AtUtc).SingleAsync());

        Assert.Equal(Start.UtcDateTime, created);
        Assert.Equal(Start.UtcDateTime, audited);
    }

    [Fact]
    public async Task A_time_the_code_gave_is_kept()
    {
        _ = _factory.Server;
        var name = "Imported Trust " + Guid.NewGuid().ToString("N")[..6];
        var original = new DateTime(2024, 6, 1, 9, 0, 0, DateTimeKind.Utc);
        await _factory.WithDbAsync(async db =>
        {
            db.Organisations.Add(new Organisation { Name = name, CreatedAtUtc = original });
            await db.SaveChangesAsync();
        });

        Assert.Equal(original, await _factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.CreatedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task A_changed_row_keeps_the_time_it_was_made()
    {
        _ = _factory.Server;
        var name = "Renamed Trust " + Guid.NewGuid().ToString("N")[..6];
        await _factory.WithDbAsync(async db =>
        {
            db.Organisations.Add(new Organisation { Name = name });
            await db.SaveChangesAsync();
        });
        _factory.Clock!.Advance(TimeSpan.FromDays(3));
        await _factory.WithDbAsync(async db =>
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Name == name);
            organisation.Name = name + " (renamed)";
            await db.SaveChangesAsync();
        });

        Assert.Equal(Start.UtcDateTime, await _factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == name + " (renamed)").Select(o => o.CreatedAtUtc).SingleAsync()));
    }

    public void Dispose() => _factory.Dispose();
}

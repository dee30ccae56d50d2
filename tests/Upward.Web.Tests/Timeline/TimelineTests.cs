using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Upward.Core.Auditing;
using Upward.Core.Notifications;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Timeline;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Timeline;

/// <summary>The coordinator sets a step's dates; the scheduler opens its questionnaires at 9am local time on the first day and closes them at midnight after the last.</summary>
public sealed class TimelineTests
{
    private static UpwardFactory NewFactory(DateTimeOffset start) => new() { Demo = true, Clock = new FakeTimeProvider(start) };

    private static Dictionary<string, string> Dates(string start, string end)
    {
        var s = start.Split(' ');
        var e = end.Split(' ');
        return new Dictionary<string, string>
        {
            ["Input.Start.Day"] = s[0], ["Input.Start.Month"] = s[1], ["Input.Start.Year"] = s[2],
            ["Input.End.Day"] = e[0], ["Input.End.Month"] = e[1], ["Input.End.Year"] = e[2],
        };
    }

    [Fact]
    public async Task Questionnaires_open_at_nine_local_time_after_the_clocks_go_forward_and_close_at_midnight_after_the_last_day()
    {
        using var factory = NewFactory(new DateTimeOffset(2027, 3, 26, 12, 0, 0, TimeSpan.Zero));
        var clock = factory.Clock!;
        var id = await factory.ProgrammeIdAsync();
        var coordinator = await factory.AsAsync("coordinator");
        var step = $"/programmes/{id}/timeline/{TimelineStep.AfterPhase1Questionnaire}";
        var saved = await coordinator.SubmitAsync(step, Dates("29 3 2027", "2 4 2027"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var timeline = await (await coordinator.GetAsync($"/programmes/{id}/timeline")).Content.ReadAsStringAsync();
        Assert.Contains("Monday 29 March 2027 to Friday 2 April 2027", timeline);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.TimelineChanged));
        Assert.Equal("no dates → 2027-03-29 to 2027-04-02", audit.Detail);

        Task<List<Wave>> WavesAsync() => factory.WithDbAsync(db => db.Waves.Where(w => w.ProgrammeId == id && w.Stage == Stage.AfterPhase1).AsNoTracking().ToListAsync());

        // 08:59 BST on the first day after the clocks went forward: not yet.
        clock.SetUtcNow(new DateTimeOffset(2027, 3, 29, 7, 59, 0, TimeSpan.Zero));
        await factory.RunScheduledJobsAsync();
        Assert.All(await WavesAsync(), w => Assert.False(w.IsOpen));

        // 09:00 BST.
        clock.SetUtcNow(new DateTimeOffset(2027, 3, 29, 8, 0, 0, TimeSpan.Zero));
        await factory.RunScheduledJobsAsync();
        var waves = await WavesAsync();
        Assert.NotEmpty(waves);
        Assert.All(waves, w => Assert.True(w.IsOpen));
        Assert.Single(await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.TimelineOpened).ToListAsync()));

        // Everyone who has still to answer is told once, in Upward and by email (09:00 is outside the quiet hours).
        var waveIds = waves.Select(w => w.Id).ToList();
        var told = await factory.WithDbAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.QuestionnaireOpened && waveIds.Contains(n.About!.Value)).ToListAsync());
        Assert.NotEmpty(told);
        Assert.Equal(told.Count, told.Select(n => n.UserId).Distinct().Count());
        Assert.All(told, n => Assert.Equal(EmailStatus.Sent, n.EmailStatus));
        Assert.Equal(told.Count, factory.Sent().Count(m => waveIds.Any(w => (m.TextBody ?? "").Contains($"/questionnaires/{w}", StringComparison.Ordinal))));

        // The programme page says until when, for the coordinator and for those still to answer.
        coordinator = await factory.AsAsync("coordinator");
        Assert.Contains("Open until the end of Friday 2 April 2027", await (await coordinator.GetAsync($"/programmes/{id}")).Content.ReadAsStringAsync());

        // Midnight BST at the end of Friday 2 April.
        clock.SetUtcNow(new DateTimeOffset(2027, 4, 2, 22, 59, 0, TimeSpan.Zero));
        await factory.RunScheduledJobsAsync();
        Assert.All(await WavesAsync(), w => Assert.True(w.IsOpen));
        clock.SetUtcNow(new DateTimeOffset(2027, 4, 2, 23, 0, 0, TimeSpan.Zero));
        await factory.RunScheduledJobsAsync();
        Assert.All(await WavesAsync(), w => Assert.False(w.IsOpen));

        // The coordinator reopens a wave by hand after the timeline closed it: the timeline does not close it again.
        coordinator = await factory.AsAsync("coordinator");
        await coordinator.SubmitAsync($"/programmes/{id}/questionnaires", new Dictionary<string, string>(), $"/programmes/{id}/questionnaires?handler=Open&waveId={waves[0].Id}");
        clock.Advance(TimeSpan.FromMinutes(5));
        await factory.RunScheduledJobsAsync();
        Assert.True((await WavesAsync()).Single(w => w.Id == waves[0].Id).IsOpen);
        Assert.NotNull(await factory.WithDbAsync(db => db.TimelineEntries.Where(t => t.ProgrammeId == id && t.Step == TimelineStep.AfterPhase1Questionnaire)
            .Select(t => t.ClosedByTimelineAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task Bad_dates_are_named_in_the_error_summary_and_nothing_is_saved()
    {
        using var factory = NewFactory(new DateTimeOffset(2027, 1, 12, 12, 0, 0, TimeSpan.Zero));
        var id = await factory.ProgrammeIdAsync();
        var coordinator = await factory.AsAsync("coordinator");
        var step = $"/programmes/{id}/timeline/{TimelineStep.Allocation}";

        var backwards = await coordinator.SubmitAsync(step, Dates("9 4 2027", "2 4 2027"));
        Assert.Equal(HttpStatusCode.OK, backwards.StatusCode);
        var html = await backwards.Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", html);
        Assert.Contains("The last day must be the same as or after the first day", html);

        var unreal = await coordinator.SubmitAsync(step, Dates("31 2 2027", "x 4 2027"));
        html = await unreal.Content.ReadAsStringAsync();
        Assert.Contains("Enter a real date for the first day, like 14 3 2027", html);
        Assert.Contains("Enter a real date for the last day, like 14 3 2027", html);
        Assert.Empty(await factory.WithDbAsync(db => db.TimelineEntries.ToListAsync()));

        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/programmes/{id}/timeline/NoSuchStep")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/programmes/{id}/timeline/3")).StatusCode);

        // Empty dates are allowed: the step is then opened and closed by hand.
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SubmitAsync(step, Dates("  ", "  "))).StatusCode);
    }

    [Fact]
    public async Task Only_those_who_run_the_programme_see_or_change_its_timeline()
    {
        using var factory = NewFactory(new DateTimeOffset(2027, 1, 12, 12, 0, 0, TimeSpan.Zero));
        var id = await factory.ProgrammeIdAsync();
        foreach (var who in new[] { "mentee1", "mentor1", "facilitator", "researcher" })
        {
            var client = await factory.AsAsync(who);
            DemoPeople.AssertRefused(await client.GetAsync($"/programmes/{id}/timeline"), who);
            DemoPeople.AssertRefused(await client.GetAsync($"/programmes/{id}/timeline/{TimelineStep.Allocation}"), who);
        }
    }
}

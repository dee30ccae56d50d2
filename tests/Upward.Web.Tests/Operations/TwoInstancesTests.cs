using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Upward.Core.Notifications;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Operations;

/// <summary>
/// Two instances of Upward sharing one PostgreSQL database, as behind a load balancer: a browser may be
/// sent to either for any request, and a job that falls due runs on one of them, once.
/// </summary>
public sealed class TwoInstancesTests
{
    // Tuesday 12 January 2027, 10:00 GMT: outside the quiet hours, so due emails go at once.
    private static readonly DateTimeOffset Morning = new(2027, 1, 12, 10, 0, 0, TimeSpan.Zero);

    [PostgresFact]
    public async Task Each_instance_accepts_the_others_cookies_and_forms_and_a_due_job_runs_once()
    {
        using var first = new UpwardFactory { Demo = true, Clock = new FakeTimeProvider(Morning) };
        var id = await first.ProgrammeIdAsync();
        using var second = first.AnotherInstance(clock: new FakeTimeProvider(Morning));

        // The sign-in form (and its antiforgery cookie) from the first; the post to the second.
        var browser = new SharedCookies();
        var token = await browser.ClientFor(first).TokenAsync("/account/sign-in");
        var signedIn = await browser.ClientFor(second).PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = DemoProgramme.EmailOf("coordinator"),
            ["Input.Password"] = DemoProgramme.Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.NotNull(browser.Value("upward.auth"));
        // The sign-in cookie the second issued opens the programme on both.
        foreach (var instance in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.ClientFor(instance).GetAsync($"/programmes/{id}")).StatusCode);
        }
        // An instance on another database (another key ring) does not take it: the check above means something.
        using (var stranger = new UpwardFactory())
        {
            var forged = new HttpRequestMessage(HttpMethod.Get, $"/programmes/{id}");
            forged.Headers.Add("Cookie", "upward.auth=" + browser.Value("upward.auth"));
            var refused = await stranger.CreateDefaultClient(new Uri("http://localhost")).SendAsync(forged);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/account/sign-in", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        // The demo's open questionnaire is due to be announced: both instances take their scheduler's turns at once.
        await Task.WhenAll(first.RunScheduledJobsAsync(), second.RunScheduledJobsAsync(), first.RunScheduledJobsAsync(), second.RunScheduledJobsAsync());
        first.Clock!.Advance(TimeSpan.FromMinutes(2));
        second.Clock!.Advance(TimeSpan.FromMinutes(2));
        await Task.WhenAll(first.RunScheduledJobsAsync(), second.RunScheduledJobsAsync());
        var emailed = await first.WithDbAsync(db => db.Notifications.CountAsync(n => n.EmailStatus == EmailStatus.Sent));
        Assert.True(emailed > 0, "the demo's open questionnaire should have been announced by email");
        var sent = first.Sent().Concat(second.Sent()).ToList();
        Assert.Equal(emailed, sent.Count);
        Assert.Equal(sent.Count, sent.Select(m => (m.To.ToString(), m.Subject)).Distinct().Count());
        // Every job ran, and the leases are held by no one now that the turns are over.
        var leases = await first.WithDbAsync(db => db.SchedulerLeases.ToListAsync());
        await using (var scope = first.Services.CreateAsyncScope())
        {
            // As many leases as the app registers jobs, so a new job is counted without editing this test.
            var jobs = scope.ServiceProvider.GetServices<Upward.Web.Scheduling.IScheduledJob>().Select(j => j.Name).Order();
            Assert.Equal(jobs, leases.Select(l => l.Job).Order());
        }
        Assert.All(leases, l => Assert.NotNull(l.LastRunAtUtc));
    }
}

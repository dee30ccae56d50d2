using System.Net;
using System.Text.RegularExpressions;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Sessions;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Sessions;

/// <summary>A person's calendar subscription: a secret address shown once, holding their sessions only, replaced or revoked at will.</summary>
public sealed partial class CalendarSubscriptionTests(DemoFactory factory) : PairTestBase(factory), IClassFixture<DemoFactory>
{
    [Fact]
    public async Task The_secret_address_serves_the_persons_sessions_until_it_is_replaced_or_revoked()
    {
        var (id, pairing, mentor, mentee) = await PairAsync();
        await AcceptRulesAsync(id, pairing.Id, mentor, mentee);
        var pairUrl = $"/programmes/{id}/pairing/{pairing.Id}";
        var mentorClient = await AsAsync(mentor);
        await mentorClient.SubmitAsync(pairUrl, PairingTests.Proposal(DateTime.Today.AddDays(9).AddHours(9)), pairUrl + "/sessions?handler=Propose");
        var session = await Factory.WithDbAsync(db => db.MentoringSessions.SingleAsync(s => s.PairingId == pairing.Id && s.Status == SessionStatus.Proposed));

        var made = await (await mentorClient.SubmitAsync("/calendar-subscription", new Dictionary<string, string>(), "/calendar-subscription?handler=Create")).Content.ReadAsStringAsync();
        var address = Address().Match(made).Value;
        Assert.NotEmpty(address);
        Assert.DoesNotContain(address, await mentorClient.GetStringAsync("/calendar-subscription"));
        var hash = await Factory.WithDbAsync(db => db.CalendarFeeds.Select(f => f.TokenHash).SingleAsync());
        Assert.DoesNotContain(hash, address);

        // A calendar app fetches it with no cookie.
        using var app = Factory.CreateClient(new() { AllowAutoRedirect = false });
        var feed = await app.GetAsync(new Uri(address).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Contains("no-store", feed.Headers.CacheControl!.ToString());
        var calendar = Calendar.Load(await feed.Content.ReadAsStringAsync())!;
        var ev = Assert.Single(calendar.Events);
        Assert.Equal($"{session.Id}@upward", ev.Uid);
        Assert.Equal("TENTATIVE", ev.Status);
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync("/calendar/" + new string('A', 43))).StatusCode);

        // A new address retires the old; revoking retires both.
        var again = Address().Match(await (await mentorClient.SubmitAsync("/calendar-subscription", new Dictionary<string, string>(), "/calendar-subscription?handler=Create")).Content.ReadAsStringAsync()).Value;
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync(new Uri(address).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync(new Uri(again).PathAndQuery)).StatusCode);
        await mentorClient.SubmitAsync("/calendar-subscription", new Dictionary<string, string>(), "/calendar-subscription?handler=Revoke");
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetAsync(new Uri(again).PathAndQuery)).StatusCode);
        Assert.Equal(2, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.CalendarFeedCreated)));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.CalendarFeedRevoked)));

        // Signed out, the page asks for sign-in.
        Assert.Contains("sign-in", (await app.GetAsync("/calendar-subscription")).Headers.Location?.OriginalString);
    }

    [GeneratedRegex(@"http://[^\s<""]+/calendar/[A-Za-z0-9_-]{43}")]
    private static partial Regex Address();
}

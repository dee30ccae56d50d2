using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Sessions;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Sessions;

/// <summary>A concern from raising to resolving: the coordinator acknowledges, answers and resolves; the person who raised it follows it; nobody else sees it.</summary>
public sealed class ConcernsHandledTests(DemoFactory factory) : PairTestBase(factory), IClassFixture<DemoFactory>
{
    [Fact]
    public async Task The_coordinator_acknowledges_answers_and_resolves_and_only_the_person_who_raised_it_follows_it()
    {
        var (id, pairing, mentor, mentee) = await PairAsync();
        var raiser = await AsAsync(mentee);
        await raiser.SubmitAsync($"/programmes/{id}/concern", new Dictionary<string, string> { ["Input.Text"] = "Sessions keep being moved at short notice.", ["Input.EndPairing"] = "false" });
        var concern = await Factory.WithDbAsync(db => db.Concerns.SingleAsync(c => c.Text == "Sessions keep being moved at short notice."));
        Assert.Contains("Not yet read", await raiser.GetStringAsync($"/programmes/{id}/concern"));

        var coordinator = await AsAsync("coordinator");
        var page = $"/programmes/{id}/concerns";
        await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["concernId"] = concern.Id.ToString() }, $"{page}?handler=Acknowledge");
        Assert.Contains("Read by a coordinator", await raiser.GetStringAsync($"/programmes/{id}/concern"));

        // An empty answer is refused on the page, with nothing sent.
        var empty = await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["concernId"] = concern.Id.ToString(), ["answer"] = " " }, $"{page}?handler=Answer");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Enter your answer", await empty.Content.ReadAsStringAsync());
        var missing = await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["concernId"] = concern.Id.ToString() }, $"{page}?handler=Answer");
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);

        await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["concernId"] = concern.Id.ToString(), ["answer"] = "Thank you. I have asked that sessions are moved only by agreement." }, $"{page}?handler=Answer");
        var following = await raiser.GetStringAsync($"/programmes/{id}/concern");
        Assert.Contains("Answered", following);
        Assert.Contains("I have asked that sessions are moved only by agreement", following);
        var email = Factory.Sent().Last(m => (m.Subject ?? "").StartsWith("A coordinator has answered your concern", StringComparison.Ordinal));
        Assert.DoesNotContain("moved only by agreement", email.TextBody);

        await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["concernId"] = concern.Id.ToString() }, $"{page}?handler=Resolve");
        Assert.Contains("Resolved", await raiser.GetStringAsync($"/programmes/{id}/concern"));
        var audited = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == $"concern:{concern.Id}").Select(a => a.Action).ToListAsync());
        Assert.Equal([AuditAction.ConcernRaised, AuditAction.ConcernAcknowledged, AuditAction.ConcernAnswered, AuditAction.ConcernResolved], audited);

        // The other person in the pair sees nothing of it, on the concern page or the pair's page.
        var other = await AsAsync(mentor);
        Assert.DoesNotContain("moved at short notice", await other.GetStringAsync($"/programmes/{id}/concern"));
        Assert.DoesNotContain("moved at short notice", await other.GetStringAsync($"/programmes/{id}/pairing/{pairing.Id}"));
        // Who else may act on it is the declared capability (ReadConcerns), which DeclaredAccessTests try with every wrong user.
    }
}

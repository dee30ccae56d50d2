using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Sessions;

/// <summary>
/// Allocation and a pair's sessions when the same form is sent many times at once (a double click,
/// two coordinators, both sides of a pair): each change happens once, and no request fails.
/// </summary>
public sealed class RacingPairTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private const int Copies = 8;

    [Fact]
    public async Task Allocation_confirmed_many_times_at_once_pairs_each_mentee_once_and_a_pair_agrees_one_session_once()
    {
        var id = await factory.ProgrammeIdAsync();
        var coordinators = await Task.WhenAll(factory.AsAsync("coordinator"), factory.AsAsync("coordinator"));
        var confirm = new Dictionary<string, string> { ["Mode"] = "Random", ["Seed"] = "42" };
        var confirmed = (await Task.WhenAll(coordinators.Select(c => c.SubmitAtOnceAsync(Copies, $"/programmes/{id}/allocation?Mode=Random&Seed=42", confirm,
            $"/programmes/{id}/allocation?handler=Confirm")))).SelectMany(r => r).ToList();
        Assert.All(confirmed, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var pairings = await factory.WithDbAsync(db => db.Pairings.Where(p => p.ProgrammeId == id).ToListAsync());
        Assert.Equal(5, pairings.Count);
        Assert.Equal(5, pairings.Select(p => p.MenteeEnrolmentId).Distinct().Count());
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.ProgrammeId == id && a.Action == AuditAction.AllocationConfirmed)));

        var pairing = pairings[0];
        var names = await factory.WithDbAsync(db => db.Enrolments.Where(e => e.Id == pairing.MentorEnrolmentId || e.Id == pairing.MenteeEnrolmentId)
            .ToDictionaryAsync(e => e.Role, e => e.ParticipantCode));
        var mentor = await factory.AsAsync("mentor" + int.Parse(names[ProgrammeRole.Mentor][3..]));
        var mentee = await factory.AsAsync("mentee" + int.Parse(names[ProgrammeRole.Mentee][3..]));
        var url = $"/programmes/{id}/pairing/{pairing.Id}";
        await mentor.SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=AcceptRules");
        await mentee.SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=AcceptRules");

        // Both sides propose a time, each several times at once: one session is planned.
        var start = DateTime.Today.AddDays(4).AddHours(10);
        var proposal = new Dictionary<string, string>
        {
            ["Propose.Day"] = start.Day.ToString(), ["Propose.Month"] = start.Month.ToString(), ["Propose.Year"] = start.Year.ToString(),
            ["Propose.Time"] = "10:00", ["Propose.Place"] = "Seminar room 2", ["Propose.TimeLimitMinutes"] = "60",
        };
        var proposed = (await Task.WhenAll(mentor.SubmitAtOnceAsync(Copies, url, proposal, url + "/sessions?handler=Propose"),
            mentee.SubmitAtOnceAsync(Copies, url, proposal, url + "/sessions?handler=Propose"))).SelectMany(r => r).ToList();
        // A copy that arrives once the first is saved is shown the planned session instead; none fails.
        foreach (var response in proposed)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect
                || (response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains("There is already a session planned")),
                $"{(int)response.StatusCode}");
        }
        var session = await factory.WithDbAsync(db => db.MentoringSessions.SingleAsync(s => s.PairingId == pairing.Id));

        // The other side agrees, many times at once: agreed once, one invitation each.
        var agreeing = session.ProposedBy == SessionSide.Mentor ? mentee : mentor;
        var before = factory.Sent().Count;
        var agreed = await agreeing.SubmitAtOnceAsync(Copies, url, new Dictionary<string, string> { ["sessionId"] = session.Id.ToString() }, url + "/sessions?handler=Agree");
        Assert.All(agreed, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SessionScheduled && a.Subject == $"session:{session.Id}")));
        Assert.Equal(1, await factory.WithDbAsync(db => db.MentoringSessions.Where(s => s.Id == session.Id).Select(s => s.CalendarSequence).SingleAsync()));
        Assert.Equal(2, factory.Sent().Skip(before).Count(m => (m.Subject ?? "").StartsWith("Reverse mentoring session on", StringComparison.Ordinal)));

        // Both record it as held at once: recorded once, audited once.
        await factory.WithDbAsync(db => db.MentoringSessions.Where(s => s.Id == session.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAtUtc, DateTime.UtcNow.AddHours(-2))));
        var held = new Dictionary<string, string> { ["Held.SessionId"] = session.Id.ToString(), ["Held.HowMet"] = "InPerson", ["Held.Minutes"] = "45", ["Held.TimeFelt"] = "AboutRight" };
        var recorded = (await Task.WhenAll(mentor.SubmitAtOnceAsync(Copies, url, held, url + "/sessions?handler=Held"))).SelectMany(r => r).ToList();
        Assert.All(recorded, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.SessionHeld && a.Subject == $"session:{session.Id}")));
        Assert.Equal(SessionStatus.Held, await factory.WithDbAsync(db => db.MentoringSessions.Where(s => s.Id == session.Id).Select(s => s.Status).SingleAsync()));
    }
}

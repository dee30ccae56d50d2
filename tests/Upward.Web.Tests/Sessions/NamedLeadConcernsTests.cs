using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Core.Sessions;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Sessions;

/// <summary>
/// The programme's named lead for concerns (for example the Freedom to Speak Up guardian): invited like
/// anyone else, chosen by the person raising a concern, and then the only one who reads and answers
/// it. The coordinators never see it, the lead never sees theirs, and the lead sees nothing else.
/// </summary>
public sealed class NamedLeadConcernsTests(DemoFactory factory) : PairTestBase(factory), IClassFixture<DemoFactory>
{
    private const string LeadEmail = "jo.patel.ftsu@example.com";
    private const string LeadPassword = "a guardian's long password";

    /// <summary>The coordinator invites Jo Patel as the named lead; Jo accepts by creating an account.</summary>
    private async Task<HttpClient> InviteNamedLeadAsync(Guid id)
    {
        // The tests of this class share one database: the second signs in as the Jo the first invited.
        if (await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == LeadEmail))) return await AsAsync(LeadEmail, LeadPassword);
        var coordinator = await AsAsync("coordinator");
        var invited = await coordinator.SubmitAsync($"/programmes/{id}/invite", Invitee("Jo Patel", LeadEmail, nameof(ProgrammeRole.ConcernsLead)));
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var mail = Factory.Sent().Last(m => m.To.Mailboxes.Any(b => b.Address == LeadEmail));
        var link = Forms.LinkIn(mail.TextBody, "/invitations/");
        var jo = Factory.Browser();
        var created = await jo.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Jo Patel", ["Input.Password"] = LeadPassword, ["Input.ConfirmPassword"] = LeadPassword,
        }, link + "?handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var enrolment = await Factory.WithDbAsync(db => db.Enrolments.SingleAsync(e => e.ProgrammeId == id && db.Users.Any(u => u.Id == e.UserId && u.Email == LeadEmail)));
        Assert.Equal(ProgrammeRole.ConcernsLead, enrolment.Role);
        Assert.StartsWith("CL-", enrolment.ParticipantCode);
        return jo;
    }

    [Fact]
    public async Task A_concern_sent_to_the_named_lead_is_theirs_alone_to_read_answer_and_resolve()
    {
        var (id, pairing, mentor, mentee) = await PairAsync();
        var jo = await InviteNamedLeadAsync(id);

        // The person raising a concern now chooses who reads it, and must choose.
        var raiser = await AsAsync(mentee);
        var form = await raiser.GetStringAsync($"/programmes/{id}/concern");
        Assert.Contains("Who should read it?", form);
        Assert.Contains("The named lead for concerns: Jo Patel", form);
        var unchosen = await raiser.SubmitAsync($"/programmes/{id}/concern", new Dictionary<string, string> { ["Input.Text"] = "A patient safety worry about a senior colleague.", ["Input.EndPairing"] = "false" });
        Assert.Equal(HttpStatusCode.OK, unchosen.StatusCode);
        var refusal = await unchosen.Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", refusal);
        Assert.Contains("Choose who should read your concern", refusal);
        Assert.Contains("A patient safety worry about a senior colleague.", refusal);
        Assert.False(await Factory.WithDbAsync(db => db.Concerns.AnyAsync(c => c.ProgrammeId == id)));
        // A forged route (a number no choice has) would reach nobody: refused the same way.
        var forged = await raiser.SubmitAsync($"/programmes/{id}/concern", new Dictionary<string, string> { ["Input.Text"] = "A patient safety worry about a senior colleague.", ["Input.EndPairing"] = "false", ["Input.Route"] = "7" });
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("Choose who should read your concern", await forged.Content.ReadAsStringAsync());
        Assert.False(await Factory.WithDbAsync(db => db.Concerns.AnyAsync(c => c.ProgrammeId == id)));

        var before = Factory.Sent().Count;
        var sent = await raiser.SubmitAsync($"/programmes/{id}/concern", new Dictionary<string, string>
        {
            ["Input.Text"] = "A patient safety worry about a senior colleague.", ["Input.EndPairing"] = "false", ["Input.Route"] = nameof(ConcernRoute.NamedLead),
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("named lead for concerns can read it", await raiser.GetStringAsync(sent.Headers.Location!.OriginalString));
        var concern = await Factory.WithDbAsync(db => db.Concerns.SingleAsync(c => c.ProgrammeId == id));
        Assert.Equal(ConcernRoute.NamedLead, concern.Route);
        // Only the named lead is told, by email and notification; no coordinator.
        var told = Factory.Sent().Skip(before).Where(m => (m.Subject ?? "").StartsWith("A concern has been raised", StringComparison.Ordinal)).Select(m => m.To.ToString()).ToList();
        Assert.Single(told);
        Assert.Contains(LeadEmail, told[0]);
        var notified = await Factory.WithDbAsync(db => db.Notifications.Where(n => n.About == concern.Id).Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.Email).ToListAsync());
        Assert.Equal([LeadEmail], notified);

        // The coordinator sees nothing of it; the named lead sees it and their task.
        var coordinator = await AsAsync("coordinator");
        var page = $"/programmes/{id}/concerns";
        Assert.DoesNotContain("patient safety worry", await coordinator.GetStringAsync(page));
        var acknowledge = await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["concernId"] = concern.Id.ToString() }, $"{page}?handler=Acknowledge");
        Assert.Equal(HttpStatusCode.NotFound, acknowledge.StatusCode);
        Assert.Contains("patient safety worry", await jo.GetStringAsync(page));
        var home = await jo.GetStringAsync($"/programmes/{id}");
        Assert.Contains("Concerns sent to you", home);
        Assert.Contains("Read and answer the open concern", home);

        await jo.SubmitAsync(page, new Dictionary<string, string> { ["concernId"] = concern.Id.ToString() }, $"{page}?handler=Acknowledge");
        Assert.Contains("Read by the named lead", await raiser.GetStringAsync($"/programmes/{id}/concern"));
        await jo.SubmitAsync(page, new Dictionary<string, string> { ["concernId"] = concern.Id.ToString(), ["answer"] = "Thank you for telling me. I will call you this week." }, $"{page}?handler=Answer");
        var following = await raiser.GetStringAsync($"/programmes/{id}/concern");
        Assert.Contains("The named lead&#x27;s answer", following);
        Assert.Contains("I will call you this week", following);
        var answered = Factory.Sent().Last(m => (m.Subject ?? "").StartsWith("The named lead for concerns has answered your concern", StringComparison.Ordinal));
        Assert.DoesNotContain("call you this week", answered.TextBody);
        await jo.SubmitAsync(page, new Dictionary<string, string> { ["concernId"] = concern.Id.ToString() }, $"{page}?handler=Resolve");
        Assert.Contains("Resolved", await raiser.GetStringAsync($"/programmes/{id}/concern"));

        var joId = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == LeadEmail).Select(u => u.Id).SingleAsync());
        var steps = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Subject == $"concern:{concern.Id}").OrderBy(a => a.AtUtc).Select(a => new { a.Action, a.ActorUserId }).ToListAsync());
        Assert.Equal([AuditAction.ConcernRaised, AuditAction.ConcernAcknowledged, AuditAction.ConcernAnswered, AuditAction.ConcernResolved], steps.Select(s => s.Action));
        Assert.All(steps.Skip(1), s => Assert.Equal(joId, s.ActorUserId));

        // The other side of the pair sees nothing of it.
        Assert.DoesNotContain("patient safety worry", await (await AsAsync(mentor)).GetStringAsync($"/programmes/{id}/concern"));
    }

    [Fact]
    public async Task The_named_lead_reads_no_concern_sent_to_the_coordinators_and_nothing_else_of_the_programme()
    {
        var (id, _, _, mentee) = await PairAsync();
        var jo = await InviteNamedLeadAsync(id);
        var raiser = await AsAsync(mentee);
        await raiser.SubmitAsync($"/programmes/{id}/concern", new Dictionary<string, string>
        {
            ["Input.Text"] = "Our sessions keep being moved.", ["Input.EndPairing"] = "false", ["Input.Route"] = nameof(ConcernRoute.Coordinators),
        });
        var concern = await Factory.WithDbAsync(db => db.Concerns.SingleAsync(c => c.ProgrammeId == id && c.Text == "Our sessions keep being moved."));
        Assert.Contains("Our sessions keep being moved.", await (await AsAsync("coordinator")).GetStringAsync($"/programmes/{id}/concerns"));

        var page = $"/programmes/{id}/concerns";
        Assert.DoesNotContain("Our sessions keep being moved.", await jo.GetStringAsync(page));
        var resolve = await jo.SubmitAsync(page, new Dictionary<string, string> { ["concernId"] = concern.Id.ToString() }, $"{page}?handler=Resolve");
        Assert.Equal(HttpStatusCode.NotFound, resolve.StatusCode);
        Assert.Null((await Factory.WithDbAsync(db => db.Concerns.SingleAsync(c => c.Id == concern.Id))).ResolvedAtUtc);

        // Nothing else of the programme: people, answers, the evaluation, the pairs.
        foreach (var refused in new[] { "people", "evaluation", "allocation", "free-text", "phase-one" })
        {
            var response = await jo.GetAsync($"/programmes/{id}/{refused}");
            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{refused}: {response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect) Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString);
        }
    }
}

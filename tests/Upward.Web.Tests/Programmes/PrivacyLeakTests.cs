using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Sessions;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Programmes;

/// <summary>
/// Private text goes nowhere it should not: a mentor's willingness reason never reaches a mentee,
/// a private note only its author, a concern only the coordinators. Checked on every page the others can open.
/// </summary>
public sealed partial class PrivacyLeakTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private static readonly string[] Mentees = ["mentee1", "mentee2", "mentee3", "mentee4", "mentee5"];
    private static readonly string[] Staff = ["coordinator", "facilitator", "researcher", "admin"];

    private static string[] PagesFor(Guid id, Pairing? pairing) =>
    [
        $"/programmes/{id}", $"/programmes/{id}/people", $"/programmes/{id}/allocation", $"/programmes/{id}/concerns", $"/programmes/{id}/my-data",
        $"/programmes/{id}/feedback", $"/programmes/{id}/phase-one", $"/programmes/{id}/phase-one/willingness/all", $"/programmes/{id}/phase-one/rather-not-meet",
        $"/programmes/{id}/pairing", "/admin", "/admin/audit", "/",
        .. (pairing is null ? [] : new[] { "", "/sessions", "/notes", "/actions" }.Select(page => $"/programmes/{id}/pairing/{pairing.Id}{page}")),
    ];

    private static async Task AssertNowhereAsync(HttpClient client, IEnumerable<string> pages, string secret, string who)
    {
        foreach (var page in pages)
        {
            var response = await client.GetAsync(page);
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.False((await response.Content.ReadAsStringAsync()).Contains(secret, StringComparison.Ordinal), $"{who} can read '{secret}' on {page}");
        }
    }

    [Fact]
    public async Task A_willingness_reason_reaches_no_mentee()
    {
        var id = await factory.ProgrammeIdAsync();
        var mentor = await factory.AsAsync("mentor1");
        var url = $"/programmes/{id}/phase-one/willingness";
        var ids = MenteeIdPattern().Matches(await mentor.GetStringAsync(url)).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(ids);
        const string secret = "Reason-7f3a: we clashed on the ward";
        var form = new Dictionary<string, string>();
        for (var i = 0; i < ids.Count; i++)
        {
            form[$"Answers[{i}].MenteeEnrolmentId"] = ids[i];
            form[$"Answers[{i}].Willing"] = i % 2 == 0 ? "true" : "false";
            form[$"Answers[{i}].Reason"] = secret;
        }
        var saved = await mentor.SubmitAsync(url, form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        foreach (var who in Mentees)
        {
            await AssertNowhereAsync(await factory.AsAsync(who), PagesFor(id, null), secret, who);
        }
        // The coordinator is meant to see it (the form says so): the test would be void if it were stored nowhere.
        Assert.Contains(secret, await (await factory.AsAsync("coordinator")).GetStringAsync($"/programmes/{id}/phase-one/willingness/all?person={await factory.EnrolmentIdAsync("mentor1")}"));
    }

    [Fact]
    public async Task A_private_note_and_a_concern_reach_only_their_reader()
    {
        var id = await factory.ProgrammeIdAsync();
        var pairing = await factory.WithDbAsync(db => db.Pairings.FirstOrDefaultAsync(p => p.ProgrammeId == id && p.Status == PairingStatus.Active));
        if (pairing is null)
        {
            var coordinator = await factory.AsAsync("coordinator");
            await coordinator.SubmitAsync($"/programmes/{id}/allocation?Mode=Random&Seed=7",
                new Dictionary<string, string> { ["Mode"] = "Random", ["Seed"] = "7" }, $"/programmes/{id}/allocation?handler=Confirm");
            pairing = await factory.WithDbAsync(db => db.Pairings.FirstAsync(p => p.ProgrammeId == id && p.Status == PairingStatus.Active));
        }
        var emails = await factory.WithDbAsync(db => db.Enrolments.Where(e => e.Id == pairing.MentorEnrolmentId || e.Id == pairing.MenteeEnrolmentId)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.Id, u.Email }).ToListAsync());
        var mentorEmail = emails.Single(e => e.Id == pairing.MentorEnrolmentId).Email!;
        var menteeEmail = emails.Single(e => e.Id == pairing.MenteeEnrolmentId).Email!;
        var mentor = await factory.AsAsync(mentorEmail);
        var mentee = await factory.AsAsync(menteeEmail);
        var url = $"/programmes/{id}/pairing/{pairing.Id}";

        const string note = "Note-91c2: my honest view of this consultant";
        Assert.Equal(HttpStatusCode.Redirect, (await mentor.SubmitAsync(url, new Dictionary<string, string> { ["Note.Text"] = note }, url + "/notes")).StatusCode);
        Assert.Contains(note, await mentor.GetStringAsync(url + "/notes"));
        await AssertNowhereAsync(mentee, PagesFor(id, pairing), note, "the other side");
        foreach (var who in Staff)
        {
            await AssertNowhereAsync(await factory.AsAsync(who), PagesFor(id, pairing), note, who);
        }

        const string concern = "Concern-44be: I feel pressured in our sessions";
        Assert.Equal(HttpStatusCode.Redirect, (await mentee.SubmitAsync($"/programmes/{id}/concern", new Dictionary<string, string> { ["Input.Text"] = concern })).StatusCode);
        Assert.Contains(concern, await (await factory.AsAsync("coordinator")).GetStringAsync($"/programmes/{id}/concerns"));
        await AssertNowhereAsync(mentor, PagesFor(id, pairing), concern, "the mentor concerned");
        foreach (var who in new[] { "facilitator", "researcher", "admin" })
        {
            await AssertNowhereAsync(await factory.AsAsync(who), PagesFor(id, pairing), concern, who);
        }
    }

    [GeneratedRegex("name=\"Answers\\[\\d+\\]\\.MenteeEnrolmentId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex MenteeIdPattern();
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Sessions;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Programmes;

/// <summary>
/// Bad input on every coordinator and pair form: over-long text, numbers that overflow an int,
/// impossible dates, enum values out of range, ids from nowhere. Always the error summary, never a 500, nothing saved.
/// </summary>
public sealed class BadInputTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private static void AssertErrorSummary(HttpResponseMessage response, string html, string what, string? message = null)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: expected the form again, got {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Contains("nhsuk-error-summary", html);
        if (message is not null) Assert.Contains(message, html);
    }

    private async Task<(HttpResponseMessage Response, string Html)> PostAsync(HttpClient client, string page, Dictionary<string, string> fields, string? post = null)
    {
        var response = await client.SubmitAsync(page, fields, post);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Input.AnonymityThreshold", "99999999999")]
    [InlineData("Input.AnonymityThreshold", "three")]
    [InlineData("Input.SessionTimeLimitMinutes", "-99999999999")]
    [InlineData("Input.RetentionMonths", "1e9")]
    [InlineData("Input.TimeZone", "Mars/Olympus_Mons")]
    [InlineData("Input.EthicsReference", "101")]
    [InlineData("Input.Name", "201")]
    public async Task Programme_settings_refuse_bad_numbers_and_text(string field, string value)
    {
        var id = await factory.ProgrammeIdAsync();
        var coordinator = await factory.AsAsync("coordinator");
        var before = await factory.WithDbAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.Id == id));
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Renamed", ["Input.AnonymityThreshold"] = "3", ["Input.SessionTimeLimitMinutes"] = "60",
            ["Input.TimeZone"] = "Europe/London", ["Input.RetentionMonths"] = "12", ["Input.EthicsReference"] = "",
        };
        fields[field] = int.TryParse(value, out var length) && length > 100 && length < 1000 ? new string('x', length) : value;
        var (response, html) = await PostAsync(coordinator, $"/programmes/{id}/settings", fields);
        AssertErrorSummary(response, html, field);
        var after = await factory.WithDbAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(before.Name, after.Name);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("Wizard")]
    [InlineData("-1")]
    public async Task Invite_refuses_a_role_out_of_range(string role)
    {
        var id = await factory.ProgrammeIdAsync();
        var coordinator = await factory.AsAsync("coordinator");
        var before = await factory.WithDbAsync(db => db.Invitations.CountAsync());
        var (response, html) = await PostAsync(coordinator, $"/programmes/{id}/invite",
            new() { ["Input.Name"] = "New Person", ["Input.Email"] = $"new{role}@example.nhs.uk", ["Input.Role"] = role });
        AssertErrorSummary(response, html, role);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Invitations.CountAsync()));
    }

    [Fact]
    public async Task Invite_refuses_an_email_longer_than_the_column()
    {
        var id = await factory.ProgrammeIdAsync();
        var coordinator = await factory.AsAsync("coordinator");
        var (response, html) = await PostAsync(coordinator, $"/programmes/{id}/invite",
            new() { ["Input.Name"] = "Long Email", ["Input.Email"] = new string('a', 250) + "@example.nhs.uk", ["Input.Role"] = "Mentor" });
        AssertErrorSummary(response, html, "email");
    }

    [Fact]
    public async Task Relationships_refuse_ids_from_nowhere_and_an_unknown_kind()
    {
        var id = await factory.ProgrammeIdAsync();
        var coordinator = await factory.AsAsync("coordinator");
        var (response, html) = await PostAsync(coordinator, $"/programmes/{id}/relationships",
            new() { ["Input.MentorEnrolmentId"] = Guid.NewGuid().ToString(), ["Input.MenteeEnrolmentId"] = "not-a-guid", ["Input.Kind"] = "99" },
            $"/programmes/{id}/relationships?handler=Add");
        AssertErrorSummary(response, html, "relationship");
        Assert.Equal(0, await factory.WithDbAsync(db => db.Relationships.CountAsync(r => r.ProgrammeId == id && r.Kind != Upward.Core.People.RelationshipKind.ClinicalSupervisor && r.Kind != Upward.Core.People.RelationshipKind.ConflictOfInterest)));
        var remove = await coordinator.SubmitAsync($"/programmes/{id}/relationships", new Dictionary<string, string> { ["relationshipId"] = Guid.NewGuid().ToString() }, $"/programmes/{id}/relationships?handler=Remove");
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
    }

    [Fact]
    public async Task Applications_and_people_refuse_ids_from_nowhere_and_impossible_dates()
    {
        var id = await factory.ProgrammeIdAsync();
        var coordinator = await factory.AsAsync("coordinator");
        var decide = await coordinator.SubmitAsync($"/programmes/{id}/applications", new Dictionary<string, string> { ["applicationId"] = Guid.NewGuid().ToString(), ["approve"] = "true" }, $"/programmes/{id}/applications?handler=Decide");
        Assert.Equal(HttpStatusCode.NotFound, decide.StatusCode);
        var resend = await coordinator.SubmitAsync($"/programmes/{id}/people", new Dictionary<string, string> { ["invitationId"] = Guid.NewGuid().ToString() }, $"/programmes/{id}/people?handler=Resend");
        Assert.Equal(HttpStatusCode.NotFound, resend.StatusCode);
        foreach (var (day, month, year) in new[] { ("31", "2", "2027"), ("1", "13", "2027"), ("1", "1", "99999999999"), ("x", "y", "z") })
        {
            var form = new Dictionary<string, string> { ["Close.Day"] = day, ["Close.Month"] = month, ["Close.Year"] = year, ["Day"] = day, ["Month"] = month, ["Year"] = year };
            var open = await coordinator.SubmitAsync($"/programmes/{id}/applications", form, $"/programmes/{id}/applications?handler=Open");
            Assert.True(open.StatusCode == HttpStatusCode.OK, $"{day} {month} {year}: got {(int)open.StatusCode}");
            Assert.Contains("nhsuk-error-summary", await open.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData("99")]
    [InlineData("Wizard")]
    public async Task Stage_does_not_move_on_an_unreadable_from_status(string from)
    {
        var id = await factory.ProgrammeIdAsync();
        var coordinator = await factory.AsAsync("coordinator");
        var before = await factory.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => p.Status).SingleAsync());
        var response = await coordinator.SubmitAsync($"/programmes/{id}/stage", new Dictionary<string, string> { ["from"] = from });
        AssertErrorSummary(response, await response.Content.ReadAsStringAsync(), from, "could not be read");
        Assert.Equal(before, await factory.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task Allocation_refuses_a_huge_seed_and_people_from_nowhere()
    {
        var id = await factory.ProgrammeIdAsync();
        var coordinator = await factory.AsAsync("coordinator");
        var seed = await coordinator.GetAsync($"/programmes/{id}/allocation?Mode=Random&Seed=99999999999999999999999");
        Assert.Equal(HttpStatusCode.OK, seed.StatusCode);
        Assert.Contains("nhsuk-error-summary", await seed.Content.ReadAsStringAsync());
        var mode = await coordinator.GetAsync($"/programmes/{id}/allocation?Mode=99&Seed=1");
        Assert.NotEqual(HttpStatusCode.InternalServerError, mode.StatusCode);

        var before = await factory.WithDbAsync(db => db.Pairings.CountAsync());
        var (response, html) = await PostAsync(coordinator, $"/programmes/{id}/allocation",
            new() { ["Hand.Mentor"] = Guid.NewGuid().ToString(), ["Hand.Mentee"] = Guid.NewGuid().ToString() }, $"/programmes/{id}/allocation?handler=Pair");
        AssertErrorSummary(response, html, "hand");
        Assert.Equal(before, await factory.WithDbAsync(db => db.Pairings.CountAsync()));
        var end = await coordinator.SubmitAsync($"/programmes/{id}/allocation", new Dictionary<string, string> { ["pairingId"] = Guid.NewGuid().ToString() }, $"/programmes/{id}/allocation?handler=End");
        Assert.Equal(HttpStatusCode.NotFound, end.StatusCode);
    }

    [Fact]
    public async Task Concern_refuses_text_over_its_limit()
    {
        var id = await factory.ProgrammeIdAsync();
        var mentee = await factory.AsAsync("mentee3");
        var before = await factory.WithDbAsync(db => db.Concerns.CountAsync());
        var (response, html) = await PostAsync(mentee, $"/programmes/{id}/concern", new() { ["Input.Text"] = new string('x', 4001), ["Input.EndPairing"] = "maybe" });
        AssertErrorSummary(response, html, "concern", "4,000 characters or fewer");
        Assert.Equal(before, await factory.WithDbAsync(db => db.Concerns.CountAsync()));
    }

    [Theory]
    [InlineData("Input.Mode", "99")]
    [InlineData("Input.Mode", "Wizard")]
    [InlineData("Input.MenteeMaySeeBrief", "perhaps")]
    public async Task Phase_one_settings_refuse_values_out_of_range(string field, string value)
    {
        var id = await factory.ProgrammeIdAsync();
        var coordinator = await factory.AsAsync("coordinator");
        var fields = new Dictionary<string, string> { ["Input.Mode"] = "Group", ["Input.MenteeMaySeeBrief"] = "true", ["Input.MenteesMayChooseMentors"] = "true" };
        fields[field] = value;
        var (response, html) = await PostAsync(coordinator, $"/programmes/{id}/phase-one/settings", fields);
        AssertErrorSummary(response, html, field);
    }

    [Fact]
    public async Task About_you_refuses_bands_that_are_not_offered()
    {
        var id = await factory.ProgrammeIdAsync();
        var mentor = await factory.AsAsync("mentor4");
        var (response, html) = await PostAsync(mentor, $"/programmes/{id}/about-you", new() { ["Input.Gender"] = new string('x', 41), ["Input.Grade"] = "Band 99" });
        AssertErrorSummary(response, html, "about you");
    }

    private async Task<(Guid Programme, Pairing Pairing, HttpClient Mentor, HttpClient Mentee)> PairAsync()
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
        var mentor = await factory.AsAsync(emails.Single(e => e.Id == pairing.MentorEnrolmentId).Email!);
        var mentee = await factory.AsAsync(emails.Single(e => e.Id == pairing.MenteeEnrolmentId).Email!);
        var url = $"/programmes/{id}/pairing/{pairing.Id}";
        await mentor.SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=AcceptRules");
        await mentee.SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=AcceptRules");
        return (id, pairing, mentor, mentee);
    }

    [Theory]
    [InlineData("31", "2", "2027", "10:00", "60")]
    [InlineData("1", "1", "99999999999", "10:00", "60")]
    [InlineData("1", "6", "2030", "25:99", "60")]
    [InlineData("1", "6", "2030", "10:00", "99999999999")]
    [InlineData("1", "6", "2030", "10:00", "sixty")]
    public async Task Proposing_a_session_refuses_impossible_dates_times_and_limits(string day, string month, string year, string time, string limit)
    {
        var (id, pairing, mentor, _) = await PairAsync();
        var url = $"/programmes/{id}/pairing/{pairing.Id}";
        var before = await factory.WithDbAsync(db => db.MentoringSessions.CountAsync(s => s.PairingId == pairing.Id));
        var (response, html) = await PostAsync(mentor, url, new()
        {
            ["Propose.Day"] = day, ["Propose.Month"] = month, ["Propose.Year"] = year, ["Propose.Time"] = time,
            ["Propose.Place"] = "Seminar room 2", ["Propose.TimeLimitMinutes"] = limit,
        }, url + "/sessions?handler=Propose");
        AssertErrorSummary(response, html, $"{day} {month} {year} {time} {limit}");
        Assert.Equal(before, await factory.WithDbAsync(db => db.MentoringSessions.CountAsync(s => s.PairingId == pairing.Id)));
    }

    [Fact]
    public async Task Pair_forms_refuse_over_long_text_bad_dates_and_unknown_statuses()
    {
        var (id, pairing, mentor, mentee) = await PairAsync();
        var url = $"/programmes/{id}/pairing/{pairing.Id}";

        var (note, noteHtml) = await PostAsync(mentor, url, new() { ["Note.Text"] = new string('n', 10_001) }, url + "/notes");
        AssertErrorSummary(note, noteHtml, "note", "10,000 characters or fewer");
        Assert.Equal(0, await factory.WithDbAsync(db => db.PrivateNotes.CountAsync(n => n.Text.Length > 10_000)));

        var (action, actionHtml) = await PostAsync(mentee, url, new() { ["NewAction.Text"] = new string('a', 1_001) }, url + "/actions");
        AssertErrorSummary(action, actionHtml, "action", "1,000 characters or fewer");
        var (due, dueHtml) = await PostAsync(mentee, url, new() { ["NewAction.Text"] = "Read the paper", ["NewAction.DueDay"] = "31", ["NewAction.DueMonth"] = "2", ["NewAction.DueYear"] = "2027" }, url + "/actions");
        AssertErrorSummary(due, dueHtml, "due date", "Enter a real due date");
        Assert.Equal(0, await factory.WithDbAsync(db => db.ActionPlanItems.CountAsync(a => a.PairingId == pairing.Id)));

        // A mentor may not add to the mentee's action plan.
        var mentorAction = await mentor.SubmitAsync(url, new Dictionary<string, string> { ["NewAction.Text"] = "Mentor's idea" }, url + "/actions");
        Assert.NotEqual(HttpStatusCode.OK, mentorAction.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ActionPlanItems.CountAsync(a => a.PairingId == pairing.Id)));

        var (place, placeHtml) = await PostAsync(mentor, url, new()
        {
            ["Propose.Day"] = "1", ["Propose.Month"] = "6", ["Propose.Year"] = "2030", ["Propose.Time"] = "10:00", ["Propose.Place"] = new string('p', 501),
        }, url + "/sessions?handler=Propose");
        AssertErrorSummary(place, placeHtml, "place", "500 characters or fewer");

        var (held, heldHtml) = await PostAsync(mentor, url, new() { ["Held.SessionId"] = Guid.NewGuid().ToString(), ["Held.Minutes"] = "99999999999", ["Held.TimeFelt"] = "99" }, url + "/sessions?handler=Held");
        Assert.Equal(HttpStatusCode.NotFound, held.StatusCode);
        Assert.DoesNotContain("Exception", heldHtml);
        var status = await mentee.SubmitAsync(url, new Dictionary<string, string> { ["actionId"] = Guid.NewGuid().ToString(), ["status"] = "99" }, url + "/actions?handler=Status");
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
    }
}

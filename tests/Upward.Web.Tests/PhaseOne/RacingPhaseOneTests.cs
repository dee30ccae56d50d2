using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Programmes;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.PhaseOne;

/// <summary>Phase 1's forms sent many times at once, round after round, on either database.</summary>
public sealed class RacingPhaseOneTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task The_same_form_sent_at_once_keeps_one_answer_per_mentee_with_the_last_values()
    {
        var id = await factory.ProgrammeIdAsync();
        var url = $"/programmes/{id}/phase-one/willingness";
        var mentees = await factory.WithDbAsync(db => db.Enrolments.Where(e => e.ProgrammeId == id && e.Role == ProgrammeRole.Mentee)
            .OrderBy(e => e.ParticipantCode).Select(e => e.Id).ToListAsync());
        var mentorId = await factory.WithDbAsync(db => db.Enrolments.Where(e => e.ProgrammeId == id && e.Role == ProgrammeRole.Mentor
            && db.Users.Any(u => u.Id == e.UserId && u.Email == DemoProgramme.EmailOf("mentor3"))).Select(e => e.Id).SingleAsync());
        // As a mentor who has not answered yet: the first round races the rows' creation.
        await factory.WithDbAsync(db => db.Willingness.Where(w => w.MentorEnrolmentId == mentorId).ExecuteDeleteAsync());
        var devices = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => factory.AsAsync("mentor3")));

        for (var round = 0; round < 3; round++)
        {
            var fields = new Dictionary<string, string>();
            for (var i = 0; i < mentees.Count; i++)
            {
                fields[$"Answers[{i}].MenteeEnrolmentId"] = mentees[i].ToString();
                fields[$"Answers[{i}].Willing"] = ((i + round) % 2 == 0).ToString().ToLowerInvariant();
                fields[$"Answers[{i}].Reason"] = $"Round {round}";
            }
            var sent = (await Task.WhenAll(devices.Select(d => d.SubmitAtOnceAsync(5, url, fields)))).SelectMany(r => r).ToList();
            Assert.All(sent, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));

            var stored = await factory.WithDbAsync(db => db.Willingness.Where(w => w.MentorEnrolmentId == mentorId).ToListAsync());
            Assert.Equal(mentees.Count, stored.Count);
            for (var i = 0; i < mentees.Count; i++)
            {
                var row = stored.Single(w => w.MenteeEnrolmentId == mentees[i]);
                Assert.Equal((i + round) % 2 == 0, row.Willing);
                Assert.Equal($"Round {round}", row.PrivateReason);
            }
        }
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.WillingnessRecorded && a.Subject == $"enrolment:{mentorId}")));
    }

    [Fact]
    public async Task Group_notes_saved_at_once_keep_one_note_per_domain_with_the_last_points_and_one_brief_starts()
    {
        var id = await factory.ProgrammeIdAsync();
        var mentee = await factory.WithDbAsync(db => db.Enrolments.Where(e => e.ProgrammeId == id && e.Role == ProgrammeRole.Mentee)
            .OrderByDescending(e => e.ParticipantCode).Select(e => e.Id).FirstAsync());
        var domains = await factory.WithDbAsync(db => db.ProgrammeDomains.Where(d => d.ProgrammeId == id).OrderBy(d => d.Position).Select(d => d.Id).ToListAsync());
        var url = $"/programmes/{id}/phase-one/mentees/{mentee}/notes";
        var facilitators = await Task.WhenAll(factory.AsAsync("facilitator"), factory.AsAsync("coordinator"));

        for (var round = 0; round < 3; round++)
        {
            var fields = new Dictionary<string, string>();
            for (var i = 0; i < domains.Count; i++)
            {
                fields[$"Notes[{i}].DomainId"] = domains[i].ToString();
                // Each round fills a different part of the page and empties the rest.
                fields[$"Notes[{i}].Points"] = (i + round) % 3 == 0 ? $"Round {round}: point on domain {i}" : "";
                fields[$"Notes[{i}].Rating"] = (i + round) % 3 == 0 ? (1 + (i + round) % 5).ToString() : "";
            }
            var sent = (await Task.WhenAll(facilitators.Select(f => f.SubmitAtOnceAsync(6, url, fields)))).SelectMany(r => r).ToList();
            Assert.All(sent, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
            var notes = await factory.WithDbAsync(db => db.GroupNotes.Where(n => n.MenteeEnrolmentId == mentee).ToListAsync());
            Assert.Equal(notes.Count, notes.Select(n => n.DomainId).Distinct().Count());
            for (var i = 0; i < domains.Count; i++)
            {
                var note = notes.SingleOrDefault(n => n.DomainId == domains[i]);
                Assert.Equal(fields[$"Notes[{i}].Points"], note?.Points ?? "");
                Assert.Equal(fields[$"Notes[{i}].Rating"], note?.Rating?.ToString() ?? "");
            }
        }

        var brief = $"/programmes/{id}/phase-one/mentees/{mentee}/brief";
        var started = (await Task.WhenAll(facilitators.Select(f => f.SubmitAtOnceAsync(6, brief, new Dictionary<string, string>(), brief + "?handler=Start")))).SelectMany(r => r).ToList();
        Assert.All(started, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await factory.WithDbAsync(db => db.FeedbackBriefs.CountAsync(b => b.MenteeEnrolmentId == mentee)));
    }
}

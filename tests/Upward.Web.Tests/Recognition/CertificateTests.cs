using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Recognition;
using Upward.Web.Tests.Infrastructure;
using Upward.Web.Tests.Sessions;
using static Upward.Web.Tests.Preparation.PreparationSteps;

namespace Upward.Web.Tests.Recognition;

public sealed class CertificateTests(DemoFactory factory) : PairTestBase(factory), IClassFixture<DemoFactory>
{
    /// <summary>The pair records a session held two days ago, as a pair that met elsewhere would.</summary>
    private async Task HoldSessionAsync(Guid id, Guid pairingId, string mentor)
    {
        var local = DateTime.Now.AddDays(-2).Date.AddHours(10);
        var response = await (await AsAsync(mentor)).SubmitAsync($"/programmes/{id}/pairing/{pairingId}/record", new Dictionary<string, string>
        {
            ["Input.Day"] = local.Day.ToString(), ["Input.Month"] = local.Month.ToString(), ["Input.Year"] = local.Year.ToString(),
            ["Input.Time"] = "10:00", ["Input.HowMet"] = "Video", ["Input.Minutes"] = "45", ["Input.TimeFelt"] = "AboutRight", ["Input.OverTimeReason"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_mentor_who_meets_the_criteria_gets_a_certificate_anyone_can_check_and_the_check_shows_nothing_more()
    {
        var (id, pairing, mentor, mentee) = await PairAsync();
        var coordinator = await AsAsync("coordinator");
        await WaitForReadinessAsync(coordinator, id, wait: false, sessions: 1, preparation: true, evaluation: false);
        var client = await AsAsync(mentor);
        var page = await client.GetStringAsync($"/programmes/{id}/certificate");
        Assert.Contains("Finish every preparation module", page);
        Assert.Contains("Hold a session with your mentee", page);
        Assert.DoesNotContain("Answer the programme", page);   // the coordinator did not ask for it
        Assert.Equal(HttpStatusCode.OK, (await client.SubmitAsync($"/programmes/{id}/certificate", new Dictionary<string, string>())).StatusCode);
        Assert.False(await Factory.WithDbAsync(db => db.Certificates.AnyAsync()));   // not yet met: nothing made

        await MakeReadyAsync(client, coordinator, id, pairing.MentorEnrolmentId);
        await AcceptRulesAsync(id, pairing.Id, mentor, mentee);
        await HoldSessionAsync(id, pairing.Id, mentor);
        Assert.Contains("You meet the programme", await client.GetStringAsync($"/programmes/{id}/certificate"));
        await client.SubmitAsync($"/programmes/{id}/certificate", new Dictionary<string, string>());
        await client.SubmitAsync($"/programmes/{id}/certificate", new Dictionary<string, string>());   // again: the same certificate
        var certificate = await Factory.WithDbAsync(db => db.Certificates.SingleAsync());
        Assert.Equal(Certificate.CodeLength, certificate.Code.Length);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.CertificateIssued)));

        var mentorRow = await Factory.WithDbAsync(db => db.Enrolments.Where(e => e.Id == pairing.MentorEnrolmentId)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { u.DisplayName, u.Email, e.ParticipantCode }).SingleAsync());
        var (name, email, code) = (mentorRow.DisplayName, mentorRow.Email!, mentorRow.ParticipantCode);
        var menteeName = await Factory.WithDbAsync(db => db.Users.Where(u => u.Id == db.Enrolments.Where(e => e.Id == pairing.MenteeEnrolmentId).Select(e => e.UserId).Single()).Select(u => u.DisplayName).SingleAsync());
        var programme = await Factory.WithDbAsync(db => db.Programmes.Where(p => p.Id == id).Select(p => p.Name).SingleAsync());

        var pdf = PdfText.Of(await client.GetByteArrayAsync($"/programmes/{id}/certificate?handler=Pdf"));
        Assert.Contains(PdfText.Squash(name), pdf);
        Assert.Contains(PdfText.Squash(programme), pdf);
        Assert.Contains(Certificate.Grouped(certificate.Code), pdf);

        // Anyone, signed out, checks it by its code (as printed, or typed in lower case).
        var anyone = Factory.Browser();
        foreach (var typed in new[] { certificate.Code, Certificate.Grouped(certificate.Code).ToLowerInvariant() })
        {
            var check = await anyone.GetAsync($"/certificates/{typed}");
            Assert.Equal(HttpStatusCode.OK, check.StatusCode);
            var html = await check.Content.ReadAsStringAsync();
            Assert.Contains(name, html);
            Assert.Contains(programme, html);
            Assert.Contains(certificate.IssuedAtUtc.ToString("d MMMM yyyy"), html);
            Assert.DoesNotContain(email, html);
            Assert.DoesNotContain(code, html);
            Assert.DoesNotContain(menteeName, html);
            Assert.DoesNotContain("ession", html);   // nothing about sessions
        }
        foreach (var bad in new[] { "nonsense", Certificate.NewCode(), certificate.Code[..^1] + (certificate.Code[^1] == '0' ? '1' : '0') })
        {
            var missing = await anyone.GetAsync($"/certificates/{bad}");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            var html = await missing.Content.ReadAsStringAsync();
            Assert.Contains("Certificate not found", html);
            Assert.DoesNotContain(name, html);
        }

        // The participation record: preparation and sessions with dates, and never the mentee's name.
        var record = PdfText.Of(await client.GetByteArrayAsync($"/programmes/{id}/certificate?handler=Record"));
        Assert.Contains(PdfText.Squash("Module 1, What reverse mentoring is: completed"), record);
        Assert.Contains(PdfText.Squash("Session 1: " + DateTime.Now.AddDays(-2).ToString("d MMMM yyyy")), record);
        Assert.DoesNotContain(PdfText.Squash(menteeName), record);
    }

    [Fact]
    public async Task The_last_questionnaire_counts_when_the_programme_asks_for_it()
    {
        var id = await ProgrammeIdAsync();
        await WaitForReadinessAsync(await AsAsync("coordinator"), id, wait: false, sessions: 0, preparation: false, evaluation: true);
        // The demo's mentors' last questionnaire: some answered it, at least one did not.
        var answered = await Factory.WithDbAsync(async db =>
        {
            var last = await db.Waves.Where(w => w.ProgrammeId == id && w.Audience == Upward.Core.Programmes.ProgrammeRole.Mentor).MaxAsync(w => w.Stage);
            // A mentor given a certificate in another test of this class sees it instead of what is missing.
            return await db.Enrolments.Where(e => e.ProgrammeId == id && e.Role == Upward.Core.Programmes.ProgrammeRole.Mentor && !db.Certificates.Any(c => c.EnrolmentId == e.Id))
                .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new
                {
                    u.Email,
                    Answered = db.Responses.Any(r => r.EnrolmentId == e.Id && r.Status == Upward.Core.Questionnaires.ResponseStatus.Submitted
                        && db.Waves.Any(w => w.Id == r.WaveId && w.Stage == last && w.Audience == Upward.Core.Programmes.ProgrammeRole.Mentor)),
                }).ToListAsync();
        });
        Assert.Contains(answered, a => !a.Answered);
        foreach (var mentor in answered)
        {
            var page = await (await AsAsync(mentor.Email!)).GetStringAsync($"/programmes/{id}/certificate");
            Assert.Equal(!mentor.Answered, page.Contains("Answer the programme&#x27;s last questionnaire", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("mentee1")]
    [InlineData("coordinator")]
    public async Task Only_a_mentor_has_a_certificate_page(string who)
    {
        var id = await ProgrammeIdAsync();
        var response = await (await AsAsync(who)).GetAsync($"/programmes/{id}/certificate?handler=Record");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString);
    }
}

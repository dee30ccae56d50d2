using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Preparation;
using Upward.Core.Programmes;
using Upward.Web.Tests.Infrastructure;
using Upward.Web.Tests.People;
using static Upward.Web.Tests.Preparation.PreparationSteps;

namespace Upward.Web.Tests.Preparation;

/// <summary>A patient or carer mentor: no staff questions, the safeguarding contact on their pages, expenses and nothing clinical.</summary>
public sealed partial class PatientMentorTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    private async Task<Guid> MarkPatientAsync(Guid id, string who)
    {
        var enrolment = await Factory.EnrolmentIdAsync(who);
        var coordinator = await AsAsync("coordinator");
        var response = await coordinator.SubmitAsync($"/programmes/{id}/preparation/readiness", new Dictionary<string, string>(),
            $"/programmes/{id}/preparation/readiness?handler=Patient&enrolmentId={enrolment}&patient=true");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return enrolment;
    }

    [Fact]
    public async Task A_patient_mentor_is_asked_no_staff_questions_and_sees_the_safeguarding_contact_and_their_own_module()
    {
        var id = await ProgrammeIdAsync();
        var enrolment = await MarkPatientAsync(id, "mentor5");
        Assert.True(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.PatientMentorSet && a.Subject == $"enrolment:{enrolment}")));
        await WaitForReadinessAsync(await AsAsync("coordinator"), id, wait: false, safeguarding: "Sam Okoro, adult safeguarding lead, 020 7946 0000");

        var patient = await AsAsync("mentor5");
        var aboutYou = await patient.GetStringAsync($"/programmes/{id}/about-you");
        Assert.DoesNotContain("Staff group", aboutYou);
        Assert.DoesNotContain(">Grade<", aboutYou);
        // A tampered post does not put a grade on a patient either.
        await patient.SubmitAsync($"/programmes/{id}/about-you", new Dictionary<string, string> { ["Input.StaffGroup"] = "Medical and dental", ["Input.Grade"] = "Consultant", ["Input.Gender"] = "Woman" });
        var bands = await Factory.WithDbAsync(db => db.Enrolments.AsNoTracking().Where(e => e.Id == enrolment).Select(e => e.Demographics).SingleAsync());
        Assert.Equal(("Patient or carer", (string?)null, "Woman"), (bands.StaffGroup, bands.Grade, bands.Gender));
        Assert.Contains("Staff group", await (await AsAsync("mentor1")).GetStringAsync($"/programmes/{id}/about-you"));

        var preparation = await patient.GetStringAsync($"/programmes/{id}/preparation");
        Assert.Contains("Sam Okoro, adult safeguarding lead, 020 7946 0000", preparation);
        Assert.Contains("Module 5: For patient and carer mentors", preparation);
        Assert.Contains("Sam Okoro", await patient.GetStringAsync($"/programmes/{id}/preparation/modules/patient-mentors"));
        var staff = await (await AsAsync("mentor1")).GetStringAsync($"/programmes/{id}/preparation");
        Assert.DoesNotContain("Sam Okoro", staff);
        Assert.DoesNotContain("For patient and carer mentors", staff);

        // The programme page links their expenses; a staff mentor's does not.
        Assert.Contains($"/programmes/{id}/expenses\"", await patient.GetStringAsync($"/programmes/{id}"));
        Assert.DoesNotContain($"/programmes/{id}/expenses\"", await (await AsAsync("mentor1")).GetStringAsync($"/programmes/{id}"));

        // The pair's page shows the safeguarding contact to the patient mentor, not to their mentee.
        var (pairing, mentee) = await Factory.WithDbAsync(async db =>
        {
            var menteeId = await db.Enrolments.Where(e => e.ProgrammeId == id && e.Role == Upward.Core.Programmes.ProgrammeRole.Mentee)
                .OrderBy(e => e.ParticipantCode).Select(e => new { e.Id, e.ParticipantCode }).FirstAsync();
            var p = new Upward.Core.Sessions.Pairing { ProgrammeId = id, MentorEnrolmentId = enrolment, MenteeEnrolmentId = menteeId.Id, CreatedAtUtc = DateTime.UtcNow, Reason = "Test pairing" };
            db.Pairings.Add(p);
            await db.SaveChangesAsync();
            return (p.Id, "mentee" + int.Parse(menteeId.ParticipantCode[3..]));
        });
        Assert.Contains("Sam Okoro, adult safeguarding lead", await patient.GetStringAsync($"/programmes/{id}/pairing/{pairing}"));
        Assert.DoesNotContain("Sam Okoro", await (await AsAsync(mentee)).GetStringAsync($"/programmes/{id}/pairing/{pairing}"));
    }

    [Fact]
    public async Task A_patient_mentor_claims_expenses_and_the_coordinator_approves_and_pays_them_in_order()
    {
        var id = await ProgrammeIdAsync();
        await MarkPatientAsync(id, "mentor6");
        var patient = await AsAsync("mentor6");
        var url = $"/programmes/{id}/expenses";

        // The form asks an amount, what for and a date: nothing clinical.
        var form = await patient.GetStringAsync(url);
        var fields = FieldName().Matches(form).Select(m => m.Groups[1].Value).Where(n => n.StartsWith("Input.", StringComparison.Ordinal)).ToHashSet();
        Assert.Equal(new HashSet<string> { "Input.Amount", "Input.Purpose", "Input.Day", "Input.Month", "Input.Year" }, fields);

        var bad = await patient.SubmitAsync(url, new Dictionary<string, string> { ["Input.Amount"] = "twelve", ["Input.Purpose"] = "", ["Input.Day"] = "40", ["Input.Month"] = "1", ["Input.Year"] = "2026" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var errors = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Enter the amount in pounds", errors);
        Assert.Contains("Enter what the money was for", errors);
        Assert.Contains("Enter the date you spent it as a real date", errors);

        var day = DateTime.UtcNow.AddDays(-3);
        Assert.Equal(HttpStatusCode.Redirect, (await patient.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Input.Amount"] = "£12.50", ["Input.Purpose"] = "Bus fare to the hospital for the session", ["Input.Day"] = day.Day.ToString(), ["Input.Month"] = day.Month.ToString(), ["Input.Year"] = day.Year.ToString(),
        })).StatusCode);
        var claim = await Factory.WithDbAsync(db => db.ExpenseClaims.SingleAsync(c => c.ProgrammeId == id));
        Assert.Equal((1250, ExpenseStatus.Submitted), (claim.AmountPence, claim.Status));
        Assert.Contains("Submitted", await patient.GetStringAsync(url));
        var claimed = await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == AuditAction.ExpenseClaimed));
        Assert.DoesNotContain("Bus fare", claimed.Detail ?? "");

        var coordinator = await AsAsync("coordinator");
        var claims = $"/programmes/{id}/expenses/claims";
        Assert.Contains("Bus fare to the hospital for the session", await coordinator.GetStringAsync(claims));
        // Paying before approving is refused; then approved, then paid.
        await coordinator.SubmitAsync(claims, new Dictionary<string, string>(), $"{claims}?handler=Move&claimId={claim.Id}&to=Paid");
        Assert.Equal(ExpenseStatus.Submitted, await Factory.WithDbAsync(db => db.ExpenseClaims.Where(c => c.Id == claim.Id).Select(c => c.Status).SingleAsync()));
        await coordinator.SubmitAsync(claims, new Dictionary<string, string>(), $"{claims}?handler=Move&claimId={claim.Id}&to=Approved");
        await coordinator.SubmitAsync(claims, new Dictionary<string, string>(), $"{claims}?handler=Move&claimId={claim.Id}&to=Paid");
        Assert.Equal(ExpenseStatus.Paid, await Factory.WithDbAsync(db => db.ExpenseClaims.Where(c => c.Id == claim.Id).Select(c => c.Status).SingleAsync()));
        Assert.Equal(2, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ExpenseStatusChanged && a.Subject == $"expense:{claim.Id}")));
        Assert.Contains("Paid", await patient.GetStringAsync(url));
    }

    [Theory]
    [InlineData("mentor2")]   // a staff mentor claims through their employer
    [InlineData("mentee1")]
    public async Task Only_patient_mentors_claim_expenses(string who)
    {
        var id = await ProgrammeIdAsync();
        var response = await (await AsAsync(who)).GetAsync($"/programmes/{id}/expenses");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_coordinator_of_another_programme_is_refused_this_ones_readiness_and_expenses()
    {
        var id = await ProgrammeIdAsync();
        var facilitator = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == Upward.Web.Demo.DemoProgramme.EmailOf("facilitator")).Select(u => u.Id).SingleAsync());
        await Factory.WithDbAsync(async db =>
        {
            var demo = await db.Programmes.SingleAsync(p => p.Id == id);
            var other = new Programme { Name = "Another programme", OrganisationId = demo.OrganisationId };
            db.Programmes.Add(other);
            db.Enrolments.Add(new Enrolment { ProgrammeId = other.Id, UserId = facilitator, Role = ProgrammeRole.Coordinator, Status = EnrolmentStatus.Consented, ParticipantCode = "CO-01" });
            await db.SaveChangesAsync();
        });
        var client = await AsAsync("facilitator");
        foreach (var page in new[] { "preparation/readiness", "expenses/claims", "preparation/settings" })
        {
            var response = await client.GetAsync($"/programmes/{id}/{page}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString);
        }
    }

    [GeneratedRegex("name=\"([^\"]+)\"")]
    private static partial Regex FieldName();
}

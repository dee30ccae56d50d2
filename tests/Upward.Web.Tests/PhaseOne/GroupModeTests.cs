using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.PhaseOne;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.PhaseOne;

/// <summary>Willingness and the study's group mode, through the pages, with what each person must never see.</summary>
public sealed class GroupModeTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private async Task<List<Guid>> DomainIdsAsync(Guid programmeId) =>
        await factory.WithDbAsync(db => db.ProgrammeDomains.Where(d => d.ProgrammeId == programmeId).OrderBy(d => d.Position).Select(d => d.Id).ToListAsync());

    private async Task<Dictionary<string, string>> AllWillingAsync(params string[] mentees)
    {
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < mentees.Length; i++)
        {
            fields[$"Answers[{i}].MenteeEnrolmentId"] = (await factory.EnrolmentIdAsync(mentees[i])).ToString();
            fields[$"Answers[{i}].Willing"] = "true";
        }
        return fields;
    }

    private static readonly string[] AllMentees = ["mentee1", "mentee2", "mentee3", "mentee4", "mentee5"];

    [Fact]
    public async Task The_coordinator_sees_the_papers_summary_and_the_supervisor_flags()
    {
        var coordinator = await factory.AsAsync("coordinator");
        var url = $"/programmes/{await factory.ProgrammeIdAsync()}/phase-one/willingness/all";
        var html = await coordinator.GetStringAsync(url);

        Assert.Contains("3 of 6 mentors are willing to mentor every mentee.", html);
        Assert.Contains("2 of 6 mentors are willing to mentor 3 of 5 mentees", html);
        Assert.Contains("1 of 6 mentors is willing to mentor 4 of 5 mentees", html);
        // Each mentor's answers, opened from the list of mentors, flag the mentee who supervises them.
        var answers = new List<string>();
        foreach (var mentor in new[] { "mentor1", "mentor2", "mentor3", "mentor4", "mentor5", "mentor6" })
        {
            var id = await factory.EnrolmentIdAsync(mentor);
            Assert.Contains($"person={id}", html);
            answers.Add(await coordinator.GetStringAsync($"{url}?person={id}"));
        }
        Assert.Equal(6, answers.Sum(a => CountOf(a, ">Supervisor</strong>")));
        Assert.Contains("They supervise me and sign off my portfolio.", answers[3]);
    }

    [Fact]
    public async Task A_mentor_sees_their_own_answers_and_supervisor_but_never_another_mentors()
    {
        var url = $"/programmes/{await factory.ProgrammeIdAsync()}/phase-one/willingness";
        var mentor4 = await (await factory.AsAsync("mentor4")).GetStringAsync(url);
        var mentor2 = await (await factory.AsAsync("mentor2")).GetStringAsync(url);

        Assert.Contains("They supervise me and sign off my portfolio.", mentor4);
        Assert.DoesNotContain("They supervise me", mentor2);
        Assert.Equal(1, CountOf(mentor2, "Your clinical supervisor"));
        Assert.DoesNotContain(DemoProgramme.People.Single(p => p.Email == "mentor4").Name, mentor2);
    }

    [Fact]
    public async Task A_mentee_never_sees_willingness_anywhere()
    {
        var programmeId = await factory.ProgrammeIdAsync();
        var mentee = await factory.AsAsync("mentee4");
        DemoPeople.AssertRefused(await mentee.GetAsync($"/programmes/{programmeId}/phase-one/willingness/all"), "matrix");
        DemoPeople.AssertRefused(await mentee.GetAsync($"/programmes/{programmeId}/phase-one/willingness"), "mentor form");
        foreach (var page in new[] { "", "/feedback", "/phase-one/rather-not-meet" })
        {
            var html = await mentee.GetStringAsync($"/programmes/{programmeId}{page}");
            Assert.DoesNotContain("They supervise me", html);
            Assert.DoesNotContain("willing", html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Willingness_with_a_missing_answer_shows_an_error_and_keeps_what_was_typed()
    {
        var programmeId = await factory.ProgrammeIdAsync();
        var url = $"/programmes/{programmeId}/phase-one/willingness";
        var fields = await AllWillingAsync(AllMentees);
        fields.Remove("Answers[0].Willing");
        fields["Answers[1].Reason"] = "We trained together";
        fields["Answers[2].Willing"] = "perhaps";

        var html = await (await (await factory.AsAsync("mentor3")).SubmitAsync(url, fields)).Content.ReadAsStringAsync();

        Assert.Contains("nhsuk-error-summary", html);
        Assert.Contains("Select yes or no for Dr Grace Wilson", html);
        Assert.Contains("Select yes or no for Dr Imran Malik", html);
        Assert.Contains("href=\"#Answers-0--Willing\"", html);
        Assert.Contains("We trained together", html);
        var mentor3 = await factory.EnrolmentIdAsync("mentor3");
        Assert.False(await factory.WithDbAsync(db => db.Willingness.AnyAsync(w => w.MentorEnrolmentId == mentor3 && w.PrivateReason == "We trained together")));
    }

    [Fact]
    public async Task Willingness_for_a_tampered_mentee_is_refused_and_nothing_saved()
    {
        var url = $"/programmes/{await factory.ProgrammeIdAsync()}/phase-one/willingness";
        var fields = await AllWillingAsync(AllMentees);
        fields["Answers[4].MenteeEnrolmentId"] = (await factory.EnrolmentIdAsync("mentor1")).ToString();
        fields["Answers[4].Willing"] = "false";
        var mentor1 = await factory.EnrolmentIdAsync("mentor1");

        var response = await (await factory.AsAsync("mentor2")).SubmitAsync(url, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The list of mentees has changed", await response.Content.ReadAsStringAsync());
        Assert.False(await factory.WithDbAsync(db => db.Willingness.AnyAsync(w => w.MenteeEnrolmentId == mentor1)));
    }

    [Fact]
    public async Task Saving_willingness_is_audited_by_ids_only()
    {
        var url = $"/programmes/{await factory.ProgrammeIdAsync()}/phase-one/willingness";
        var fields = await AllWillingAsync(AllMentees);
        fields["Answers[0].Reason"] = "Happy to";

        var response = await (await factory.AsAsync("mentor1")).SubmitAsync(url, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var mentor1 = await factory.EnrolmentIdAsync("mentor1");
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditAction.WillingnessRecorded).Select(a => a.Subject).ToListAsync());
        Assert.Contains($"enrolment:{mentor1}", audit);
        Assert.DoesNotContain(audit, s => s!.Contains("Happy"));
    }

    [Fact]
    public async Task Group_notes_become_a_brief_that_only_its_mentee_reads_after_review_and_release()
    {
        var programmeId = await factory.ProgrammeIdAsync();
        var mentee2 = await factory.EnrolmentIdAsync("mentee2");
        var domains = await DomainIdsAsync(programmeId);
        var facilitator = await factory.AsAsync("facilitator");
        var notesUrl = $"/programmes/{programmeId}/phase-one/mentees/{mentee2}/notes";
        var fields = domains.Select((d, i) => new[] { ($"Notes[{i}].DomainId", d.ToString()), ($"Notes[{i}].Points", i == 2 ? "Always makes time to teach on the ward round" : ""), ($"Notes[{i}].Rating", i == 2 ? "7" : "") })
            .SelectMany(x => x).ToDictionary(x => x.Item1, x => x.Item2);

        // A rating of 7 is refused and the points typed are kept.
        var bad = await (await facilitator.SubmitAsync(notesUrl, fields)).Content.ReadAsStringAsync();
        Assert.Contains("The rating for approach to juniors must be from 1 to 5, or none", bad);
        Assert.Contains("Always makes time to teach on the ward round", bad);
        Assert.False(await factory.WithDbAsync(db => db.GroupNotes.AnyAsync(n => n.MenteeEnrolmentId == mentee2)));

        fields["Notes[2].Rating"] = "4";
        var saved = await facilitator.SubmitAsync(notesUrl, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith("/notes", saved.Headers.Location!.OriginalString);

        var briefUrl = $"/programmes/{programmeId}/phase-one/mentees/{mentee2}/brief";
        Assert.Equal(HttpStatusCode.Redirect, (await facilitator.SubmitAsync(briefUrl, new Dictionary<string, string>(), briefUrl + "?handler=start")).StatusCode);
        var editor = await facilitator.GetStringAsync(briefUrl);
        Assert.Contains("Group rating: 4 out of 5", editor);

        // The mentee reads nothing before release.
        var mentee = await factory.AsAsync("mentee2");
        Assert.Contains("not ready yet", await mentee.GetStringAsync($"/programmes/{programmeId}/feedback"));

        var releaseUrl = $"/programmes/{programmeId}/phase-one/mentees/{mentee2}/release";
        var early = await (await facilitator.SubmitAsync(releaseUrl, new Dictionary<string, string>(), releaseUrl + "?handler=mentee")).Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-warning-callout", early);
        Assert.Contains("A facilitator must review the brief before it is released", early);

        Assert.Equal(HttpStatusCode.Redirect, (await facilitator.SubmitAsync(releaseUrl, new Dictionary<string, string>(), releaseUrl + "?handler=review")).StatusCode);
        var toMentor = await (await facilitator.SubmitAsync(releaseUrl, new Dictionary<string, string>(), releaseUrl + "?handler=mentor")).Content.ReadAsStringAsync();
        Assert.Contains("No mentor has been allocated to this mentee yet", toMentor);
        Assert.Equal(HttpStatusCode.Redirect, (await facilitator.SubmitAsync(releaseUrl, new Dictionary<string, string>(), releaseUrl + "?handler=mentee")).StatusCode);

        var released = await mentee.GetStringAsync($"/programmes/{programmeId}/feedback");
        Assert.Contains("Approach to juniors", released);
        Assert.Contains("Always makes time to teach on the ward round", released);
        foreach (var person in DemoProgramme.People.Where(p => p.Email.StartsWith("mentor") || p.Email == "facilitator"))
        {
            Assert.DoesNotContain(person.Name, released);
        }

        // Another mentee never reaches it, and the released brief is fixed.
        var other = await (await factory.AsAsync("mentee3")).GetStringAsync($"/programmes/{programmeId}/feedback");
        Assert.DoesNotContain("ward round", other);
        Assert.Contains("not ready yet", other);
        var edit = await facilitator.SubmitAsync(briefUrl, new Dictionary<string, string> { ["Sections[0].DomainId"] = domains[0].ToString(), ["Sections[0].Text"] = "Changed" });
        Assert.Contains("can no longer be changed", await edit.Content.ReadAsStringAsync());

        var audit = await factory.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditAction.BriefModerated, audit);
        Assert.Contains(AuditAction.BriefReviewed, audit);
        Assert.Contains(AuditAction.BriefReleased, audit);
        Assert.Equal(BriefStatus.ReleasedToMentee, await factory.WithDbAsync(db => db.FeedbackBriefs.Where(b => b.MenteeEnrolmentId == mentee2).Select(b => b.Status).SingleAsync()));
    }

    [Fact]
    public async Task Editing_a_reviewed_brief_undoes_the_review_and_an_empty_brief_is_refused()
    {
        var programmeId = await factory.ProgrammeIdAsync();
        var mentee3 = await factory.EnrolmentIdAsync("mentee3");
        var domains = await DomainIdsAsync(programmeId);
        var facilitator = await factory.AsAsync("coordinator");
        var briefUrl = $"/programmes/{programmeId}/phase-one/mentees/{mentee3}/brief";
        await facilitator.SubmitAsync(briefUrl, new Dictionary<string, string>(), briefUrl + "?handler=start");

        Dictionary<string, string> Sections(string text) => domains.Select((d, i) => new[] { ($"Sections[{i}].DomainId", d.ToString()), ($"Sections[{i}].Text", i == 0 ? text : "") })
            .SelectMany(x => x).ToDictionary(x => x.Item1, x => x.Item2);
        var empty = await (await facilitator.SubmitAsync(briefUrl, Sections(""))).Content.ReadAsStringAsync();
        Assert.Contains("Write the brief for at least one domain", empty);

        Assert.Equal(HttpStatusCode.Redirect, (await facilitator.SubmitAsync(briefUrl, Sections("Uses the electronic record well"))).StatusCode);
        var releaseUrl = $"/programmes/{programmeId}/phase-one/mentees/{mentee3}/release";
        await facilitator.SubmitAsync(releaseUrl, new Dictionary<string, string>(), releaseUrl + "?handler=review");
        Assert.Equal(BriefStatus.Reviewed, await factory.WithDbAsync(db => db.FeedbackBriefs.Where(b => b.MenteeEnrolmentId == mentee3).Select(b => b.Status).SingleAsync()));

        await facilitator.SubmitAsync(briefUrl, Sections("Uses the electronic record very well"));
        Assert.Equal(BriefStatus.Draft, await factory.WithDbAsync(db => db.FeedbackBriefs.Where(b => b.MenteeEnrolmentId == mentee3).Select(b => b.Status).SingleAsync()));
        Assert.Contains("not ready yet", await (await factory.AsAsync("mentee3")).GetStringAsync($"/programmes/{programmeId}/feedback"));
    }

    private static int CountOf(string haystack, string needle)
    {
        var count = 0;
        for (var at = haystack.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(needle, at + needle.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}

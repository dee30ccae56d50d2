using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.PhaseOne;
using Upward.Core.Sessions;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.PhaseOne;

/// <summary>
/// The brief in group mode (issue 16): editing a section keeps every rating and note the group
/// recorded; names of the programme's people hold up the review; a brief started after the
/// allocation reaches the allocated mentor.
/// </summary>
public sealed class BriefReviewTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private static readonly SemaphoreSlim SetUpOnce = new(1, 1);

    private async Task<(Guid Programme, List<Guid> Domains)> ProgrammeAsync()
    {
        var id = await factory.ProgrammeIdAsync();
        var domains = await factory.WithDbAsync(db => db.ProgrammeDomains.Where(d => d.ProgrammeId == id).OrderBy(d => d.Position).Select(d => d.Id).ToListAsync());
        return (id, domains);
    }

    private async Task RecordNotesAsync(Guid programme, Guid mentee, List<Guid> domains, Func<int, string> points, Func<int, string> rating)
    {
        var fields = domains.Select((d, i) => new[] { ($"Notes[{i}].DomainId", d.ToString()), ($"Notes[{i}].Points", points(i)), ($"Notes[{i}].Rating", rating(i)) })
            .SelectMany(x => x).ToDictionary(x => x.Item1, x => x.Item2);
        var response = await (await factory.AsAsync("facilitator")).SubmitAsync($"/programmes/{programme}/phase-one/mentees/{mentee}/notes", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private async Task StartBriefAsync(Guid programme, Guid mentee)
    {
        var url = $"/programmes/{programme}/phase-one/mentees/{mentee}/brief";
        Assert.Equal(HttpStatusCode.Redirect, (await (await factory.AsAsync("facilitator")).SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=start")).StatusCode);
    }

    private Task<List<FeedbackBriefSection>> SectionsAsync(Guid mentee) =>
        factory.WithDbAsync(db => db.FeedbackBriefs.Where(b => b.MenteeEnrolmentId == mentee).SelectMany(b => b.Sections).ToListAsync());

    private async Task<HttpResponseMessage> SaveBriefAsync(Guid programme, Guid mentee, List<Guid> domains, Func<int, string, string> text)
    {
        var sections = await SectionsAsync(mentee);
        var fields = domains.Select((d, i) => new[] { ($"Sections[{i}].DomainId", d.ToString()), ($"Sections[{i}].Text", text(i, sections.Single(s => s.DomainId == d).Text)) })
            .SelectMany(x => x).ToDictionary(x => x.Item1, x => x.Item2);
        return await (await factory.AsAsync("facilitator")).SubmitAsync($"/programmes/{programme}/phase-one/mentees/{mentee}/brief", fields);
    }

    private static string Rating(int domain) => (domain % 5 + 1).ToString();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task Editing_one_section_keeps_every_rating_and_note_the_group_recorded(int edited)
    {
        var (programme, domains) = await ProgrammeAsync();
        var mentee = await factory.EnrolmentIdAsync("mentee1");
        await SetUpOnce.WaitAsync();
        try
        {
            if (!await factory.WithDbAsync(db => db.FeedbackBriefs.AnyAsync(b => b.MenteeEnrolmentId == mentee)))
            {
                await RecordNotesAsync(programme, mentee, domains, i => $"The group's point {i}", Rating);
                await StartBriefAsync(programme, mentee);
            }
            var notesBefore = await factory.WithDbAsync(db => db.GroupNotes.Where(n => n.MenteeEnrolmentId == mentee).Select(n => new { n.DomainId, n.Points, n.Rating }).ToListAsync());

            // The facilitator rewrites one section entirely, as moderation may.
            var saved = await SaveBriefAsync(programme, mentee, domains, (i, text) => i == edited ? $"Rewritten section {i}, rating line and all" : text);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

            var sections = await SectionsAsync(mentee);
            for (var i = 0; i < domains.Count; i++)
            {
                var section = sections.Single(s => s.DomainId == domains[i]);
                Assert.Equal($"Group rating: {Rating(i)} out of 5", section.Rating);
                if (i == edited) Assert.StartsWith($"Rewritten section {i}", section.Text);
            }
            // The group's own notes are untouched by any edit of the brief.
            var notesAfter = await factory.WithDbAsync(db => db.GroupNotes.Where(n => n.MenteeEnrolmentId == mentee).Select(n => new { n.DomainId, n.Points, n.Rating }).ToListAsync());
            Assert.Equal(notesBefore.OrderBy(n => n.DomainId), notesAfter.OrderBy(n => n.DomainId));
            Assert.Equal(domains.Count, notesAfter.Count(n => n.Rating is not null && n.Points.StartsWith("The group's point")));

            // Whoever reads the brief sees the kept rating beside the edited text.
            var release = await (await factory.AsAsync("facilitator")).GetStringAsync($"/programmes/{programme}/phase-one/mentees/{mentee}/release");
            Assert.Contains($"Rewritten section {edited}", release);
            for (var i = 0; i < domains.Count; i++) Assert.Contains($"Group rating: {Rating(i)} out of 5", release);
        }
        finally
        {
            SetUpOnce.Release();
        }
    }

    [Fact]
    public async Task Names_of_the_programmes_people_hold_up_the_review_until_edited_out_or_confirmed()
    {
        var (programme, domains) = await ProgrammeAsync();
        var mentee = await factory.EnrolmentIdAsync("mentee2");
        // Several forms of participants' names, beside every domain name and a lower-case "grace" (not Dr Grace Wilson).
        await RecordNotesAsync(programme, mentee, domains, i => i switch
        {
            0 => "Amira Hassan noticed the use of technology in clinic",
            1 => "Ben said clinical practice is careful; areas for improvement were few",
            2 => "Dr Carter liked the approach to juniors",
            3 => "Handles time management and approachability with grace; strengths are many",
            _ => "",
        }, _ => "");
        await StartBriefAsync(programme, mentee);

        var facilitator = await factory.AsAsync("facilitator");
        var url = $"/programmes/{programme}/phase-one/mentees/{mentee}/release";
        var page = await facilitator.GetStringAsync(url);
        Assert.Contains("Names to check", page);
        Assert.Contains("<mark class=\"upward-name\">Amira Hassan", page);
        Assert.Contains("<mark class=\"upward-name\">Dr Carter", page);
        Assert.Contains("<mark class=\"upward-name\">Ben", page);
        Assert.DoesNotContain("<mark class=\"upward-name\">grace", page);
        foreach (var domain in new[] { "use of technology", "clinical practice", "approach to juniors", "time management", "approachability", "strengths", "areas for improvement" })
        {
            Assert.DoesNotContain($"<mark class=\"upward-name\">{domain}", page, StringComparison.OrdinalIgnoreCase);
        }

        // Review waits.
        var review = await (await facilitator.SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=review")).Content.ReadAsStringAsync();
        Assert.Contains("The brief names people in this programme", review);
        Assert.Null(await factory.WithDbAsync(db => db.FeedbackBriefs.Where(b => b.MenteeEnrolmentId == mentee).Select(b => b.ReviewedAtUtc).SingleAsync()));

        // A phrase that is not a name to check is answered with the error summary.
        var bad = await facilitator.SubmitAsync(url, new Dictionary<string, string> { ["phrase"] = "Nobody at all" }, url + "?handler=confirm");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", badHtml);
        Assert.Contains("Select a name found in the brief that still needs checking", badHtml);

        // The wrong people cannot confirm anything.
        foreach (var who in new[] { "mentor1", "mentee2", "researcher" })
        {
            var response = await (await factory.AsAsync(who)).SubmitAsync("/", new Dictionary<string, string> { ["phrase"] = "Ben" }, url + "?handler=confirm");
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("access-denied") == true,
                $"{who} got {(int)response.StatusCode}");
        }
        Assert.False(await factory.WithDbAsync(db => db.BriefNameConfirmations.AnyAsync()));

        // "Ben" is someone else (say a porter); the rest are edited out.
        Assert.Equal(HttpStatusCode.Redirect, (await facilitator.SubmitAsync(url, new Dictionary<string, string> { ["phrase"] = "Ben" }, url + "?handler=confirm")).StatusCode);
        Assert.Contains("The brief names people in this programme (Amira", await (await facilitator.SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=review")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await SaveBriefAsync(programme, mentee, domains, (_, text) => text.Replace("Amira Hassan", "A mentor").Replace("Dr Carter", "One of us"))).StatusCode);
        Assert.DoesNotContain("Names to check", await facilitator.GetStringAsync(url));
        Assert.Equal(HttpStatusCode.Redirect, (await facilitator.SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=review")).StatusCode);
        Assert.NotNull(await factory.WithDbAsync(db => db.FeedbackBriefs.Where(b => b.MenteeEnrolmentId == mentee).Select(b => b.ReviewedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task A_brief_started_after_the_allocation_reaches_the_allocated_mentor()
    {
        var (programme, domains) = await ProgrammeAsync();
        var mentee = await factory.EnrolmentIdAsync("mentee3");
        var mentor = await factory.EnrolmentIdAsync("mentor5");
        var pairing = new Pairing { ProgrammeId = programme, MentorEnrolmentId = mentor, MenteeEnrolmentId = mentee, CreatedAtUtc = DateTime.UtcNow, Reason = "Test pairing" };
        await factory.WithDbAsync(async db => { db.Pairings.Add(pairing); await db.SaveChangesAsync(); });

        await RecordNotesAsync(programme, mentee, domains, i => i == 0 ? "Confident with the new patient record" : "", i => i == 0 ? "4" : "");
        await StartBriefAsync(programme, mentee);
        Assert.Equal(mentor, await factory.WithDbAsync(db => db.FeedbackBriefs.Where(b => b.MenteeEnrolmentId == mentee).Select(b => b.AllocatedMentorEnrolmentId).SingleAsync()));

        var facilitator = await factory.AsAsync("facilitator");
        var url = $"/programmes/{programme}/phase-one/mentees/{mentee}/release";
        Assert.DoesNotContain("no mentor allocated", await facilitator.GetStringAsync(url));
        Assert.Equal(HttpStatusCode.Redirect, (await facilitator.SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=review")).StatusCode);
        var released = await facilitator.SubmitAsync(url, new Dictionary<string, string>(), url + "?handler=mentor");
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        Assert.Contains("done=mentor", released.Headers.Location!.OriginalString);

        var mentorPage = await (await factory.AsAsync("mentor5")).GetStringAsync($"/programmes/{programme}/pairing/{pairing.Id}");
        Assert.Contains("Confident with the new patient record", mentorPage);
        Assert.Contains("Group rating: 4 out of 5", mentorPage);
    }
}

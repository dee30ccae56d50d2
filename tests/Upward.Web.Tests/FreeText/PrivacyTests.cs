using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Upward.Core.People;
using Upward.Core.Programmes;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.FreeText;

/// <summary>What researchers may read: only answers given for the evaluation, and only after identifying words are masked.</summary>
public sealed class PrivacyTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private const string Identifying = "Dr Lee on Ward 7";

    [Fact]
    public async Task Answers_without_evaluation_consent_or_erased_on_withdrawal_are_not_listed()
    {
        var id = await factory.ProgrammeIdAsync();
        var researcher = await factory.AsAsync("researcher");
        var list = WebUtility.HtmlDecode(await researcher.GetStringAsync($"/programmes/{id}/free-text"));
        Assert.Contains("handover teaching", list);
        Assert.Contains("rota feedback anonymous", list);

        await factory.WithDbAsync(async db =>
        {
            // MR-02 withdraws consent to the evaluation; MR-06 withdraws asking for erasure.
            var two = await db.Enrolments.SingleAsync(e => e.ParticipantCode == "MR-02" && e.ProgrammeId == id);
            db.ConsentDecisions.Add(new ConsentDecision { EnrolmentId = two.Id, Purpose = ConsentPurpose.UseAnswersInEvaluation, TextVersion = 1, Given = false, DecidedAtUtc = DateTime.UtcNow });
            var six = await db.Enrolments.SingleAsync(e => e.ParticipantCode == "MR-06" && e.ProgrammeId == id);
            six.Status = EnrolmentStatus.Withdrawn;
            six.WithdrawalChoice = WithdrawalChoice.Erase;
            await db.SaveChangesAsync();
        });
        list = WebUtility.HtmlDecode(await researcher.GetStringAsync($"/programmes/{id}/free-text"));
        Assert.DoesNotContain("handover teaching", list);
        Assert.DoesNotContain("rota feedback anonymous", list);
        Assert.DoesNotContain("MR-02", list);
        Assert.Equal(HttpStatusCode.NotFound, (await researcher.GetAsync($"/programmes/{id}/free-text/answers/{await factory.AnswerIdAsync("MR-02")}/code")).StatusCode);
    }

    [Fact]
    public async Task An_answer_from_someone_who_never_decided_on_the_use_of_their_answers_is_not_listed_or_counted()
    {
        // The pages ask the database for "decided, and not withheld" (ConsentInForce.WithheldAsync): no decision
        // at all must count as no consent, as Core's rule says, not slip through as "not withheld".
        var id = await factory.ProgrammeIdAsync();
        var researcher = await factory.AsAsync("researcher");
        var answer = await factory.AnswerIdAsync("MR-05");
        async Task<int> TotalAsync(string query) =>
            int.Parse(Regex.Match(WebUtility.HtmlDecode(await researcher.GetStringAsync($"/programmes/{id}/free-text?question=every{query}")),
                @"id=""shown"">Showing [\d,]+ to [\d,]+ of ([\d,]+) answers").Groups[1].Value, System.Globalization.NumberStyles.AllowThousands);
        var every = await TotalAsync("");
        var five = await TotalAsync("&search=MR-05");
        Assert.True(five > 0);
        Assert.Equal(HttpStatusCode.OK, (await researcher.GetAsync($"/programmes/{id}/free-text/answers/{answer}/code")).StatusCode);

        await factory.WithDbAsync(async db =>
        {
            var enrolment = await db.Enrolments.SingleAsync(e => e.ParticipantCode == "MR-05" && e.ProgrammeId == id);
            db.ConsentDecisions.RemoveRange(db.ConsentDecisions.Where(d => d.EnrolmentId == enrolment.Id && d.Purpose == ConsentPurpose.UseAnswersInEvaluation));
            await db.SaveChangesAsync();
        });
        Assert.DoesNotContain("MR-05", WebUtility.HtmlDecode(await researcher.GetStringAsync($"/programmes/{id}/free-text?question=every")));
        // Counted as well as shown: the count comes from the database's test alone.
        Assert.Equal(every - five, await TotalAsync(""));
        Assert.Equal(HttpStatusCode.NotFound, (await researcher.GetAsync($"/programmes/{id}/free-text/answers/{answer}/code")).StatusCode);
    }

    [Fact]
    public async Task Redaction_hides_the_words_from_researchers_and_keeps_the_original_for_the_coordinator_only()
    {
        var id = await factory.ProgrammeIdAsync();
        var four = await factory.AnswerIdAsync("MR-04");
        var researcher = await factory.AsAsync("researcher");
        var url = $"/programmes/{id}/free-text/answers/{four}/redact";

        var missing = await researcher.SubmitAsync(url, new Dictionary<string, string> { ["Input.Words"] = "Dr Nobody", ["Input.Original"] = "keep" });
        Assert.Contains("does not appear in the answer", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()));
        var noChoice = await researcher.SubmitAsync(url, new Dictionary<string, string> { ["Input.Words"] = "Dr Lee" });
        Assert.Contains("Select what happens to the original answer", await noChoice.Content.ReadAsStringAsync());
        Assert.False(await factory.WithDbAsync(db => db.AnswerRedactions.AnyAsync(r => r.AnswerId == four)));

        var done = await researcher.SubmitAsync(url, new Dictionary<string, string> { ["Input.Words"] = "Dr Lee\nWard 7", ["Input.Original"] = "keep" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var seenByResearcher = WebUtility.HtmlDecode(await researcher.GetStringAsync($"/programmes/{id}/free-text"));
        Assert.DoesNotContain("Dr Lee", seenByResearcher);
        Assert.Contains("but [redacted] on [redacted] will still guess it was me", seenByResearcher);
        Assert.DoesNotContain("Dr Lee", WebUtility.HtmlDecode(await researcher.GetStringAsync($"/programmes/{id}/free-text/answers/{four}/code")));
        // Nor can a search find the answer by its masked words, which would tell whoever searched what they were;
        // the words left and the masks still find it.
        foreach (var every in new[] { "", "&question=every" })
        {
            Assert.DoesNotContain($"answer-{four}", await researcher.GetStringAsync($"/programmes/{id}/free-text?search=lee{every}"));
            Assert.DoesNotContain($"answer-{four}", await researcher.GetStringAsync($"/programmes/{id}/free-text?search=ward%207{every}"));
            Assert.Contains($"answer-{four}", await researcher.GetStringAsync($"/programmes/{id}/free-text?search=will%20still%20guess{every}"));
            Assert.Contains($"answer-{four}", await researcher.GetStringAsync($"/programmes/{id}/free-text?search=%5Bredacted%5D{every}"));
        }
        var seenByCoordinator = WebUtility.HtmlDecode(await (await factory.AsAsync("coordinator")).GetStringAsync($"/programmes/{id}/free-text"));
        Assert.Contains(Identifying, seenByCoordinator);
        Assert.Contains(Identifying, await factory.WithDbAsync(db => db.Answers.Where(a => a.Id == four).Select(a => a.Text!).SingleAsync()));
    }

    [Fact]
    public async Task Redaction_can_discard_the_original_for_good()
    {
        var id = await factory.ProgrammeIdAsync();
        var one = await factory.AnswerIdAsync("MR-01", "concerns");
        var coordinator = await factory.AsAsync("coordinator");
        var done = await coordinator.SubmitAsync($"/programmes/{id}/free-text/answers/{one}/redact",
            new Dictionary<string, string> { ["Input.Words"] = "consultant", ["Input.Original"] = "discard" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Answers.Where(a => a.Id == one).Select(a => a.Text!).SingleAsync());
        Assert.DoesNotContain("consultant", stored);
        Assert.Contains("Telling a [redacted] what I think", stored);
        Assert.False(await factory.WithDbAsync(db => db.AnswerRedactions.Where(r => r.AnswerId == one).Select(r => r.OriginalKeptForCoordinator).SingleAsync()));
        Assert.DoesNotContain("Original (only coordinators see this)</span></summary><div class=\"nhsuk-details__text\"><p>The hierarchy", await coordinator.GetStringAsync($"/programmes/{id}/free-text"));
    }
}

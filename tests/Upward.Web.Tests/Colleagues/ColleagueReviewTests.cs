using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.PhaseOne;
using Upward.Web.Tests.Infrastructure;
using static Upward.Web.Tests.Colleagues.ColleagueSteps;

namespace Upward.Web.Tests.Colleagues;

/// <summary>
/// Colleagues' words reach the mentee as written, so a facilitator reads them first: they may remove
/// a comment (never reword it) and then show the rest. The demo programme's k is 3.
/// </summary>
public sealed class ColleagueReviewTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task The_facilitator_removes_an_abusive_comment_and_the_mentee_sees_only_the_rest()
    {
        await TurnOnAsync(factory);
        var mentee = await factory.AsAsync("mentee1");
        var menteeId = await factory.EnrolmentIdAsync("mentee1");
        var texts = new[] { "Explains the plan clearly", "Always thanks the team", "A rude remark naming the charge nurse Pat" };
        for (var i = 0; i < texts.Length; i++)
        {
            var email = $"review{i}@demo.example";
            Assert.Equal(HttpStatusCode.Redirect, (await InviteAsync(factory, mentee, email)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(factory, LinkFor(factory, email), texts[i])).StatusCode);
        }
        var facilitator = await factory.AsAsync("facilitator");
        var id = await factory.ProgrammeIdAsync();
        Assert.Contains("Colleagues&#x27; feedback to read", await facilitator.GetStringAsync($"/programmes/{id}"));
        var review = await facilitator.GetStringAsync(await ReviewPageAsync(factory));
        Assert.All(texts, t => Assert.Contains(t, review));
        Assert.DoesNotContain(texts[0], await mentee.GetStringAsync(await PageAsync(factory)));

        var rude = await factory.WithDbAsync(db => db.AnonymousContributions.Where(c => c.MenteeEnrolmentId == menteeId && c.Text == texts[2]).Select(c => c.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await ReviewActionAsync(factory, "Remove", $"commentId={rude}")).StatusCode);
        // Removing twice (two facilitators at once) is harmless.
        Assert.Equal(HttpStatusCode.Redirect, (await ReviewActionAsync(factory, "Remove", $"commentId={rude}")).StatusCode);
        Assert.DoesNotContain(texts[2], await facilitator.GetStringAsync(await ReviewPageAsync(factory)));
        await ShowToMenteeAsync(factory, "mentee1");

        var page = await mentee.GetStringAsync(await PageAsync(factory));
        Assert.Contains(texts[0], page);
        Assert.Contains(texts[1], page);
        Assert.DoesNotContain(texts[2], page);
        Assert.Contains("No colleagues' feedback is waiting to be read", await facilitator.GetStringAsync(await ReviewPageAsync(factory)));
        Assert.DoesNotContain("Colleagues&#x27; feedback to read", await facilitator.GetStringAsync($"/programmes/{id}"));
        // Each action is audited against the mentee, once, and never with the words.
        var subject = $"enrolment:{menteeId}";
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ColleagueCommentRemoved && a.Subject == subject)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditAction.ColleagueFeedbackShown && a.Subject == subject)));
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Detail != null && a.Detail.Contains("rude remark"))));
    }

    [Fact]
    public async Task Mentees_mentors_and_researchers_cannot_read_or_release_colleagues_comments()
    {
        await TurnOnAsync(factory);
        var mentee = await factory.AsAsync("mentee2");
        var menteeId = await factory.EnrolmentIdAsync("mentee2");
        for (var i = 0; i < 3; i++)
        {
            var email = $"guarded{i}@demo.example";
            await InviteAsync(factory, mentee, email);
            await AnswerAsync(factory, LinkFor(factory, email), $"Guarded comment {i}");
        }
        var page = await ReviewPageAsync(factory);
        foreach (var who in new[] { "mentee2", "mentee1", "mentor1", "researcher" })
        {
            var comment = await factory.WithDbAsync(db => db.AnonymousContributions.Where(c => c.MenteeEnrolmentId == menteeId).Select(c => c.Id).FirstAsync());
            DemoPeople.AssertRefused(await (await factory.AsAsync(who)).GetAsync(page), $"{who} reading colleagues' comments");
            // The confirmation before a removal shows the comment's words.
            DemoPeople.AssertRefused(await (await factory.AsAsync(who)).GetAsync($"{page}?remove={comment}"), $"{who} asked to confirm removing one");
            DemoPeople.AssertRefused(await ReviewActionAsync(factory, "Show", $"menteeEnrolmentId={menteeId}", who), $"{who} showing them");
            DemoPeople.AssertRefused(await ReviewActionAsync(factory, "Remove", $"commentId={comment}", who), $"{who} removing one");
        }
        Assert.Equal(3, await factory.WithDbAsync(db => db.AnonymousContributions.CountAsync(c => c.MenteeEnrolmentId == menteeId && c.Source == ContributionSource.Colleague && !c.ShownToMentee)));
        Assert.DoesNotContain("Guarded comment", await mentee.GetStringAsync(await PageAsync(factory)));
        // A comment id that is not a colleague's (or not this programme's) changes nothing and is no error.
        Assert.Equal(HttpStatusCode.Redirect, (await ReviewActionAsync(factory, "Remove", $"commentId={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ReviewActionAsync(factory, "Show", $"menteeEnrolmentId={Guid.NewGuid()}")).StatusCode);
        Assert.Equal(3, await factory.WithDbAsync(db => db.AnonymousContributions.CountAsync(c => c.MenteeEnrolmentId == menteeId && !c.ShownToMentee)));
    }
}

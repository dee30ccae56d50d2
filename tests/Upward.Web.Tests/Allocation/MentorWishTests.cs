using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.PhaseOne;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Allocation;

/// <summary>A mentee's "would like to meet" list: theirs alone, never on both lists, never seen by mentors.</summary>
public sealed class MentorWishTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private const string Page = "/phase-one/would-like-to-meet";

    [Fact]
    public async Task A_mentee_names_a_mentor_they_would_like_to_meet_and_sees_it_in_what_Upward_holds()
    {
        var id = await factory.ProgrammeIdAsync();
        var mentor1 = await factory.EnrolmentIdAsync("mentor1");
        var mentee = await factory.AsAsync("mentee1");

        var saved = await mentee.SubmitAsync($"/programmes/{id}{Page}", new Dictionary<string, string> { ["Chosen"] = mentor1.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var me = await factory.EnrolmentIdAsync("mentee1");
        Assert.Equal([mentor1], await factory.WithDbAsync(db => db.MentorWishes.Where(w => w.MenteeEnrolmentId == me).Select(w => w.MentorEnrolmentId).ToListAsync()));
        var page = await mentee.GetStringAsync($"/programmes/{id}{Page}?saved=true");
        Assert.Contains($"value=\"{mentor1}\" checked", page);
        var held = await mentee.GetStringAsync($"/programmes/{id}/my-data");
        Assert.Contains("Mentors you would like to meet", held);
        Assert.Contains("Dr Amira Hassan", held);

        // The mentor named never learns of it: not on their overview, nor anywhere they can open.
        var mentorView = await (await factory.AsAsync("mentor1")).GetStringAsync($"/programmes/{id}");
        Assert.DoesNotContain("Dr Grace Wilson", mentorView);
        DemoPeople.AssertRefused(await (await factory.AsAsync("mentor1")).GetAsync($"/programmes/{id}{Page}"), "mentor on the wish list");
    }

    [Fact]
    public async Task A_mentor_cannot_be_on_both_lists_and_nothing_is_saved()
    {
        var id = await factory.ProgrammeIdAsync();
        var me = await factory.EnrolmentIdAsync("mentee3");
        var mentor2 = await factory.EnrolmentIdAsync("mentor2");
        await factory.WithDbAsync(async db =>
        {
            db.MentorDeclines.Add(new MentorDecline { ProgrammeId = id, MenteeEnrolmentId = me, MentorEnrolmentId = mentor2 });
            await db.SaveChangesAsync();
        });
        var mentee = await factory.AsAsync("mentee3");

        var html = await (await mentee.SubmitAsync($"/programmes/{id}{Page}", new Dictionary<string, string> { ["Chosen"] = mentor2.ToString() })).Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", html);
        Assert.Contains("You also named Dr Ben Carter as a mentor you would rather not meet", html);
        Assert.Contains($"value=\"{mentor2}\" checked", html);
        Assert.False(await factory.WithDbAsync(db => db.MentorWishes.AnyAsync(w => w.MenteeEnrolmentId == me)));

        // And the other way round: the rather-not-meet page refuses a mentor already wished for.
        var mentor4 = await factory.EnrolmentIdAsync("mentor4");
        await mentee.SubmitAsync($"/programmes/{id}{Page}", new Dictionary<string, string> { ["Chosen"] = mentor4.ToString() });
        var reverse = await (await mentee.SubmitAsync($"/programmes/{id}/phase-one/rather-not-meet", new Dictionary<string, string> { ["Chosen"] = mentor4.ToString() })).Content.ReadAsStringAsync();
        Assert.Contains("You also named Dr Daniel Price as a mentor you would like to meet", reverse);
        Assert.Equal([mentor2], await factory.WithDbAsync(db => db.MentorDeclines.Where(d => d.MenteeEnrolmentId == me).Select(d => d.MentorEnrolmentId).ToListAsync()));
    }

    [Fact]
    public async Task Someone_who_is_not_a_mentor_here_cannot_be_wished_for()
    {
        var id = await factory.ProgrammeIdAsync();
        var notAMentor = await factory.EnrolmentIdAsync("mentee2");
        var mentee = await factory.AsAsync("mentee4");

        var html = await (await mentee.SubmitAsync($"/programmes/{id}{Page}", new Dictionary<string, string> { ["Chosen"] = notAMentor.ToString() })).Content.ReadAsStringAsync();
        Assert.Contains("The list of mentors has changed since the page was opened", html);
        var me = await factory.EnrolmentIdAsync("mentee4");
        Assert.False(await factory.WithDbAsync(db => db.MentorWishes.AnyAsync(w => w.MenteeEnrolmentId == me)));
    }
}

/// <summary>Erasure on withdrawal, on a demo of its own because it allocates.</summary>
public sealed class MentorWishErasureTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task Withdrawing_with_erasure_deletes_the_wishes_and_what_was_said_about_work()
    {
        var id = await factory.ProgrammeIdAsync();
        var me = await factory.EnrolmentIdAsync("mentee2");
        Assert.True(await factory.WithDbAsync(db => db.MentorWishes.AnyAsync(w => w.MenteeEnrolmentId == me)));
        await (await factory.AsAsync("coordinator")).SubmitAsync($"/programmes/{id}/allocation?Mode=Optimal",
            new Dictionary<string, string> { ["Mode"] = "Optimal", ["Seed"] = "", ["Consider"] = "MenteeWishes" }, $"/programmes/{id}/allocation?handler=Confirm");
        Assert.Contains("asked to meet", await factory.WithDbAsync(db => db.Pairings.Where(p => p.MenteeEnrolmentId == me).Select(p => p.Reason).SingleAsync()));

        var withdrawn = await (await factory.AsAsync("mentee2")).SubmitAsync($"/programmes/{id}/withdraw", new Dictionary<string, string> { ["Input.Choice"] = "Erase" });
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);

        Assert.False(await factory.WithDbAsync(db => db.MentorWishes.AnyAsync(w => w.MenteeEnrolmentId == me)));
        var enrolment = await factory.WithDbAsync(db => db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == me));
        Assert.Null(enrolment.Department);
        Assert.Null(enrolment.Specialty);
        Assert.Empty(enrolment.TopicDomainIds);
        // The best-fit reason repeated the wish, so it goes too.
        Assert.Equal(Upward.Core.Sessions.Pairing.ReasonErased, await factory.WithDbAsync(db => db.Pairings.Where(p => p.MenteeEnrolmentId == me).Select(p => p.Reason).SingleAsync()));
    }
}

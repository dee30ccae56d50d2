using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Questionnaires;

/// <summary>
/// The questionnaire after the one-to-one is put only to people who were paired: someone never paired
/// is not shown it, cannot open it, is not reminded of it, and the coordinator's counts call them
/// "not applicable" rather than leaving them among those who have not answered.
/// </summary>
public sealed class StageApplicabilityTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task A_mentor_never_paired_is_not_asked_about_a_one_to_one_and_is_not_counted_as_missing()
    {
        var programmeId = await factory.ProgrammeIdAsync();
        await factory.PairAsync("mentor1", "mentee1");
        var after = await factory.WaveIdAsync(ProgrammeRole.Mentor, Stage.AfterPhase2);
        var before = await factory.WaveIdAsync(ProgrammeRole.Mentor, Stage.BeforePhase2);
        var url = QuestionnaireFixture.Url(programmeId, after);

        // The paired mentor is asked, on the home page, the programme page and the questionnaire itself.
        var paired = await factory.AsAsync("mentor1");
        Assert.Contains(url, await paired.GetStringAsync("/"));
        Assert.Contains("After phase 2 questionnaire", await paired.GetStringAsync($"/programmes/{programmeId}"));
        Assert.Contains("Start now", await paired.GetStringAsync(url));

        // The mentor never paired is not: no link, no task, and the address refuses them.
        var unpaired = await factory.AsAsync("mentor6");
        var home = await unpaired.GetStringAsync("/");
        Assert.DoesNotContain(url, home);
        Assert.Contains(QuestionnaireFixture.Url(programmeId, before), home);
        var programmePage = await unpaired.GetStringAsync($"/programmes/{programmeId}");
        Assert.DoesNotContain("After phase 2 questionnaire", programmePage);
        Assert.Contains("Before phase 2 questionnaire", programmePage);
        var refused = await unpaired.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/access-denied", refused.Headers.Location?.OriginalString);
        var posted = await unpaired.PostAsync(url + "/questions/understanding", new FormUrlEncodedContent(new Dictionary<string, string> { ["Value"] = "3" }));
        Assert.NotEqual(HttpStatusCode.OK, posted.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Responses.AnyAsync(r => r.WaveId == after
            && db.Enrolments.Any(e => e.Id == r.EnrolmentId && db.Users.Any(u => u.Id == e.UserId && u.Email == DemoProgramme.EmailOf("mentor6"))))));

        // The coordinator's board counts one mentor asked and the other five as not applicable.
        var coordinator = await factory.AsAsync("coordinator");
        var board = await coordinator.GetStringAsync($"/programmes/{programmeId}/questionnaires");
        Assert.Contains("0 of 1 mentors sent; 5 not applicable (never paired)", board);
        Assert.Contains("Mentors: 0 of 1 answered", await coordinator.GetStringAsync($"/programmes/{programmeId}"));

        // "Remind those who have not answered" reaches the paired mentor only.
        var page = $"/programmes/{programmeId}/questionnaires";
        var remind = await coordinator.SubmitAsync(page, new Dictionary<string, string>(), postUrl: $"{page}?handler=Remind&waveId={after}");
        Assert.True(remind.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK);
        var reminded = await factory.WithDbAsync(db => db.Notifications.Where(n => n.About == after)
            .Join(db.Users, n => n.UserId, u => u.Id, (n, u) => u.Email).ToListAsync());
        Assert.Equal([DemoProgramme.EmailOf("mentor1")], reminded);
    }

    [Fact]
    public void Only_the_stages_after_the_one_to_one_depend_on_being_paired()
    {
        foreach (var stage in Enum.GetValues<Stage>().Where(s => s != Stage.BeforeAgain))
        {
            Assert.True(StageApplicability.AppliesTo(stage, everPaired: true));
        }
        // The waiting list's second before-questionnaire depends on being told one waits, not on pairing.
        Assert.False(StageApplicability.AppliesTo(Stage.BeforeAgain, everPaired: true));
        Assert.False(StageApplicability.AppliesTo(Stage.BeforeAgain, everPaired: false, toldTheyWait: false));
        Assert.True(StageApplicability.AppliesTo(Stage.BeforeAgain, everPaired: false, toldTheyWait: true));
        Assert.False(StageApplicability.AppliesTo(Stage.AfterPhase2, everPaired: false));
        Assert.False(StageApplicability.AppliesTo(Stage.After, everPaired: false));
        // Before phase 2 comes before allocation, so it is put to everyone.
        Assert.True(StageApplicability.AppliesTo(Stage.BeforePhase2, everPaired: false));
        Assert.True(StageApplicability.AppliesTo(Stage.Before, everPaired: false));
    }
}

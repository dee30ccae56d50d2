using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Sessions;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Allocation;

/// <summary>
/// Best fit in the app: the coordinator picks what counts, the preview says why, and the engine's
/// choice follows mentees' wishes and what people said about their work. Each fixture is its own demo.
/// </summary>
public sealed class BestFitAllocationTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private async Task<string> PreviewAsync(Guid id, string consider) =>
        await (await factory.AsAsync("coordinator")).GetStringAsync($"/programmes/{id}/allocation?Mode=Optimal&Seed=&{consider}");

    [Fact]
    public async Task Counting_mentees_wishes_pairs_the_demo_mentee_with_the_mentor_they_asked_for_and_audits_what_counted()
    {
        var id = await factory.ProgrammeIdAsync();
        var preview = await PreviewAsync(id, "Consider=MenteeWishes");
        Assert.Contains("the mentee asked to meet this mentor", preview);

        var coordinator = await factory.AsAsync("coordinator");
        var confirmed = await coordinator.SubmitAsync($"/programmes/{id}/allocation?Mode=Optimal",
            new Dictionary<string, string> { ["Mode"] = "Optimal", ["Seed"] = "", ["Consider"] = "MenteeWishes" }, $"/programmes/{id}/allocation?handler=Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var (mentee2, mentor3) = (await factory.EnrolmentIdAsync("mentee2"), await factory.EnrolmentIdAsync("mentor3"));
        await factory.WithDbAsync(async db =>
        {
            var pairing = await db.Pairings.SingleAsync(p => p.ProgrammeId == id && p.MenteeEnrolmentId == mentee2 && p.Status == PairingStatus.Active);
            Assert.Equal(mentor3, pairing.MentorEnrolmentId);
            Assert.Contains("the mentee asked to meet this mentor", pairing.Reason);
            Assert.Equal(5, await db.Pairings.CountAsync(p => p.ProgrammeId == id && p.Status == PairingStatus.Active));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.AllocationConfirmed && a.Subject == "allocation:optimal:considered=MenteeWishes"));
        });
    }
}

public sealed class BestFitPreviewTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task The_first_visit_offers_every_consideration_ticked_and_the_preview_names_the_ones_that_applied()
    {
        var id = await factory.ProgrammeIdAsync();
        var coordinator = await factory.AsAsync("coordinator");
        var page = await coordinator.GetStringAsync($"/programmes/{id}/allocation");
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(page, "name=\"Consider\" type=\"checkbox\" value=\"\\w+\" checked").Count);

        var all = "Consider=MenteeWishes&Consider=SharedSpecialty&Consider=SharedTopics&Consider=DifferentDepartment";
        var preview = await coordinator.GetStringAsync($"/programmes/{id}/allocation?Mode=Optimal&Seed=&{all}");
        Assert.Contains("they work in different departments", preview);
        Assert.Contains("both want to talk about", preview);
        // The confirm form carries the same ticks, so what is confirmed is what was previewed.
        Assert.Equal(4, System.Text.RegularExpressions.Regex.Matches(preview, "<input type=\"hidden\" name=\"Consider\"").Count);

        var nothing = await coordinator.GetStringAsync($"/programmes/{id}/allocation?Mode=Optimal&Seed=");
        Assert.DoesNotContain("asked to meet", nothing);
        Assert.DoesNotContain("different departments;", nothing);
    }

    [Theory]
    [InlineData("Consider=Astrology")]
    [InlineData("Consider=99")]
    public async Task A_tampered_consideration_is_explained_and_nothing_is_previewed(string consider)
    {
        var id = await factory.ProgrammeIdAsync();
        var response = await (await factory.AsAsync("coordinator")).GetAsync($"/programmes/{id}/allocation?Mode=Optimal&{consider}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nhsuk-error-summary", html);
        Assert.Contains("Select what best fit takes into account from the list", html);
        Assert.DoesNotContain("id=\"preview\"", html);
        Assert.DoesNotContain("is not valid", html);
    }
}

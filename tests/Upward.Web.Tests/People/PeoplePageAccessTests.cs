using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.Organisations;
using Upward.Data.Identity;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.People;

/// <summary>Every people page refuses the wrong user: a member in the wrong role, another organisation, a non-participant.</summary>
public sealed class PeoplePageAccessTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    private const string OutsiderEmail = DemoPeople.OutsiderEmail;

    public static TheoryData<string> CoordinatorPages => new() { "/invite", "/import", "/relationships", "/applications", "/people" };
    public static TheoryData<string> ParticipantPages => new() { "/consent", "/about-you", "/my-data", "/withdraw" };

    private Task EnsureOutsiderAsync() => Factory.EnsureOutsiderAsync();

    [Theory]
    [MemberData(nameof(CoordinatorPages))]
    public async Task Coordinator_pages_refuse_every_other_role(string page)
    {
        var id = await ProgrammeIdAsync();
        foreach (var who in new[] { "mentor1", "mentee1", "facilitator", "researcher" })
        {
            var response = await (await AsAsync(who)).GetAsync($"/programmes/{id}{page}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/access-denied", response.Headers.Location?.OriginalString);
        }
    }

    [Theory]
    [InlineData("/invite")]
    [InlineData("/import")]
    [InlineData("/relationships?handler=Add")]
    [InlineData("/relationships?handler=Remove")]
    [InlineData("/applications?handler=Open")]
    [InlineData("/applications?handler=Decide")]
    [InlineData("/people?handler=Resend")]
    public async Task Coordinator_actions_refuse_a_mentor_posting_directly(string page)
    {
        var id = await ProgrammeIdAsync();
        var mentor = await AsAsync("mentor2");
        var response = await mentor.SubmitAsync("/", Invitee("Sneaky", "sneaky@example.nhs.uk", "Mentor"), $"/programmes/{id}{page}");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location?.OriginalString ?? "");
    }

    [Theory]
    [MemberData(nameof(CoordinatorPages))]
    [MemberData(nameof(ParticipantPages))]
    public async Task Another_organisations_admin_gets_not_found(string page)
    {
        await EnsureOutsiderAsync();
        var id = await ProgrammeIdAsync();
        var response = await (await AsAsync(OutsiderEmail)).GetAsync($"/programmes/{id}{page}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ParticipantPages))]
    public async Task Participant_pages_are_for_participants_not_for_an_admin_who_is_not_enrolled(string page)
    {
        var id = await ProgrammeIdAsync();
        var admin = await (await AsAsync("admin")).GetAsync($"/programmes/{id}{page}");
        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.Contains("/account/access-denied", admin.Headers.Location?.OriginalString);

        var mentee = await (await AsAsync("mentee4")).GetAsync($"/programmes/{id}{page}");
        Assert.Equal(HttpStatusCode.OK, mentee.StatusCode);
    }

    [Fact]
    public async Task My_data_shows_only_my_own_details()
    {
        var id = await ProgrammeIdAsync();
        var html = await (await AsAsync("mentor5")).GetStringAsync($"/programmes/{id}/my-data");

        Assert.Contains("Dr Ella Singh", html);
        Assert.Contains("MR-05", html);
        Assert.DoesNotContain("Dr Femi Adeyemi", html);
        Assert.DoesNotContain("MR-06", html);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Foundation;

public sealed class DemoTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task Demo_switch_loads_the_pilot_shape()
    {
        _ = factory.Server;
        var programme = await factory.WithDbAsync(db => db.Programmes.Include(p => p.Domains).Include(p => p.Enrolments).SingleAsync(p => p.Name == DemoProgramme.ProgrammeName));

        Assert.Equal(DemoProgramme.ProgrammeName, programme.Name);
        Assert.Equal(ProgrammeType.ClinicalFeedback, programme.Type);
        Assert.Equal(6, programme.Enrolments.Count(e => e.Role == ProgrammeRole.Mentor));
        Assert.Equal(5, programme.Enrolments.Count(e => e.Role == ProgrammeRole.Mentee));
        Assert.Equal(ProgrammeTemplate.StudyDomains, programme.Domains.OrderBy(d => d.Position).Select(d => d.Name));
    }

    [Fact]
    public async Task Every_listed_demo_sign_in_works()
    {
        foreach (var (localPart, name, _) in DemoProgramme.People)
        {
            var client = factory.Browser();
            var response = await client.SignInAsync(DemoProgramme.EmailOf(localPart), DemoProgramme.Password);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains($"Signed in as {name}", await client.GetStringAsync("/"));
        }
    }

    [Fact]
    public async Task A_mentor_sees_their_programme_on_the_home_page()
    {
        var client = factory.Browser();
        await client.SignInAsync(DemoProgramme.EmailOf("mentor1"), DemoProgramme.Password);
        var home = await client.GetStringAsync("/");

        Assert.Contains(DemoProgramme.ProgrammeName, home);
        Assert.Contains("as mentor", home);
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Upward.Web.Demo;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.People;

/// <summary>Shared steps for the people tests: sign in as a demo person, find the demo programme.</summary>
public abstract class PeopleTestBase(UpwardFactory factory)
{
    protected UpwardFactory Factory { get; } = factory;

    protected async Task<Guid> ProgrammeIdAsync() =>
        await Factory.WithDbAsync(db => db.Programmes.Where(p => p.Name == DemoProgramme.ProgrammeName).Select(p => p.Id).SingleAsync());

    protected async Task<HttpClient> AsAsync(string localPart, string? password = null)
    {
        var client = Factory.Browser();
        var email = localPart.Contains('@') ? localPart : DemoProgramme.EmailOf(localPart);
        var response = await client.SignInAsync(email, password ?? DemoProgramme.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    protected static Dictionary<string, string> Invitee(string name, string email, string role) =>
        new() { ["Input.Name"] = name, ["Input.Email"] = email, ["Input.Role"] = role };
}

using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.People;

/// <summary>Shared steps for the people tests: sign in as a demo person, find the demo programme.</summary>
public abstract class PeopleTestBase(UpwardFactory factory)
{
    protected UpwardFactory Factory { get; } = factory;

    protected Task<Guid> ProgrammeIdAsync() => Factory.ProgrammeIdAsync();

    protected Task<HttpClient> AsAsync(string localPart, string? password = null) => Factory.AsAsync(localPart, password);

    protected static Dictionary<string, string> Invitee(string name, string email, string role) =>
        new() { ["Input.Name"] = name, ["Input.Email"] = email, ["Input.Role"] = role };
}

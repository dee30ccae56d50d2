using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.Organisations;
using Upward.Data.Identity;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Accounts;

/// <summary>The app with production rate limits, requests from addresses a test names, and helpers for local accounts.</summary>
public class AccountTestHost : UpwardFactory
{
    public const string Password = "a long enough password";

    public AccountTestHost() => ProductionRateLimits = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ClientAddresses()));
    }

    public async Task<UpwardUser> CreateUserAsync(string email, string password = Password, bool emailConfirmed = true)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Upward.Data.UpwardDbContext>();
        var organisation = new Organisation { Name = "Test Trust " + email };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        var user = new UpwardUser { UserName = email, Email = email, EmailConfirmed = emailConfirmed, DisplayName = "Dr Test Person", OrganisationId = organisation.Id };
        var result = await scope.ServiceProvider.GetRequiredService<UserManager<UpwardUser>>().CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
        return user;
    }
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Foundation;

/// <summary>An unhandled failure outside Development shows the NHS error page and no stack trace.</summary>
public sealed class ErrorPageTests : IClassFixture<ErrorPageTests.FailingFactory>
{
    private readonly FailingFactory _factory;

    public ErrorPageTests(FailingFactory factory) => _factory = factory;

    public class FailingFactory : UpwardFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ThrowingEndpoint()));
        }
    }

    /// <summary>Development alone reveals nothing.</summary>
    private sealed class FailingInDevelopment : FailingFactory
    {
        public FailingInDevelopment() => Environment = "Development";
    }

    /// <summary>A developer's explicit opt-in, by its documented name.</summary>
    private sealed class FailingWithStackTraces : FailingFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Upward:ShowStackTraces", "true");
        }
    }

    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/test-only/throw", branch => branch.Run(_ => throw new InvalidOperationException("secret stack detail")));
            app.Map("/test-only/lose-a-race", branch => branch.Run(_ => throw new DbUpdateConcurrencyException("secret race detail")));
        };
    }

    [Fact]
    public async Task Failure_shows_the_nhs_error_page_without_a_stack_trace()
    {
        var response = await _factory.Browser().GetAsync("/test-only/throw");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Sorry, there is a problem with the service", html);
        Assert.DoesNotContain("secret stack detail", html);
        Assert.DoesNotContain("InvalidOperationException", html);
    }

    [Fact]
    public async Task A_write_that_lost_a_race_says_so_with_a_409_and_no_stack_trace()
    {
        var response = await _factory.Browser().PostAsync("/test-only/lose-a-race", new FormUrlEncodedContent(new Dictionary<string, string>()));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("This was changed at the same moment somewhere else", html);
        Assert.DoesNotContain("secret race detail", html);
        Assert.DoesNotContain("Sorry, there is a problem with the service", html);
    }

    [Fact]
    public async Task Development_alone_shows_no_stack_trace()
    {
        using var development = new FailingInDevelopment();
        var html = await (await development.Browser().GetAsync("/test-only/throw")).Content.ReadAsStringAsync();

        Assert.Contains("Sorry, there is a problem with the service", html);
        Assert.DoesNotContain("secret stack detail", html);
    }

    [Fact]
    public async Task Only_the_named_setting_shows_exception_details()
    {
        using var opted = new FailingWithStackTraces();
        var html = await (await opted.Browser().GetAsync("/test-only/throw")).Content.ReadAsStringAsync();

        Assert.Contains("secret stack detail", html);
    }

    [Fact]
    public void The_readmes_run_command_starts_in_production()
    {
        // `dotnet run --project src/Upward.Web` uses the first launch profile.
        var settings = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(SourceRoot(), "src", "Upward.Web", "Properties", "launchSettings.json")));
        var first = settings.RootElement.GetProperty("profiles").EnumerateObject().First();
        Assert.Equal("Production", first.Value.GetProperty("environmentVariables").GetProperty("ASPNETCORE_ENVIRONMENT").GetString());
    }

    private static string SourceRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Upward.slnx"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Upward.slnx not found above the test binaries");
    }
}

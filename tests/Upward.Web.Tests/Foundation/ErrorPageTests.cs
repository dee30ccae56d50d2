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

    public sealed class FailingFactory : UpwardFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ThrowingEndpoint()));
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
}

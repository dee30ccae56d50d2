using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
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
}

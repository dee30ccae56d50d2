using System.Net;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Foundation;

public sealed class HealthTests(UpwardFactory factory) : IClassFixture<UpwardFactory>
{
    [Fact]
    public async Task Live_answers_healthy()
    {
        var response = await factory.Browser().GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_checks_the_database()
    {
        var response = await factory.Browser().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

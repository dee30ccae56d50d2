using System.Net;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Foundation;

public sealed class HomePageTests(UpwardFactory factory) : IClassFixture<UpwardFactory>
{
    [Fact]
    public async Task Home_page_is_nhs_styled_with_service_name_skip_link_and_sign_in()
    {
        var html = await factory.Browser().GetStringAsync("/");

        Assert.Contains("/lib/nhsuk-frontend/nhsuk-frontend.min.css", html);
        Assert.Contains("class=\"nhsuk-header\"", html);
        Assert.Contains("<span class=\"nhsuk-header__service-name\">Upward</span>", html);
        Assert.Contains("class=\"nhsuk-skip-link\"", html);
        Assert.Contains("href=\"/account/sign-in\"", html);
        Assert.Contains("class=\"nhsuk-footer\"", html);
        Assert.Contains("lang=\"en-GB\"", html);
    }

    [Fact]
    public async Task Nhs_frontend_assets_are_served()
    {
        var client = factory.Browser();
        var css = await client.GetAsync("/lib/nhsuk-frontend/nhsuk-frontend.min.css");
        var js = await client.GetAsync("/lib/nhsuk-frontend/nhsuk-frontend.min.js");

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
    }

    [Fact]
    public async Task Unknown_page_gets_the_nhs_page_not_found()
    {
        var response = await factory.Browser().GetAsync("/no-such-page");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", html);
        Assert.Contains("nhsuk-header", html);
    }

    [Fact]
    public async Task Security_headers_are_sent()
    {
        var response = await factory.Browser().GetAsync("/");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}

public sealed class BadRequestPageTests(UpwardFactory factory) : IClassFixture<UpwardFactory>
{
    [Theory]
    [InlineData("/account/sign-in")]
    [InlineData("/invitations/some-token?handler=Create")]
    public async Task A_form_posted_without_its_token_gets_the_nhs_bad_request_page(string url)
    {
        var response = await factory.Browser().PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "y" }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Sorry, we could not understand that request", html);
        Assert.Contains("nhsuk-header", html);
    }
}

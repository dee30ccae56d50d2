using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Upward.Core.Programmes;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Programmes;

/// <summary>
/// Links and forms name the page they lead to (asp-page), and the router writes the address. A page
/// named with route values it does not take gets an empty address instead of an error, so every
/// page each role may open is read here for one.
/// </summary>
public sealed partial class TypedLinksTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    [Theory]
    [InlineData("coordinator")]
    [InlineData("mentor1")]
    [InlineData("mentee1")]
    [InlineData("facilitator")]
    [InlineData("researcher")]
    public async Task No_page_a_role_may_open_has_a_link_or_form_without_an_address(string who)
    {
        var (ids, _) = await DemoRouteValues.ForAsync(factory);
        var roles = await factory.RolesAsync(who);
        var client = await factory.AsAsync(who);
        var pages = (await ProgrammeEndpoints.ListAsync(factory))
            .Where(h => h.IsGet && h.Handler is null && ProgrammeAccess.Allows(h.Capability!.Value, roles, isOrganisationAdmin: false)).ToList();
        Assert.NotEmpty(pages);
        var read = 0;
        foreach (var page in pages)
        {
            var response = await client.GetAsync(page.Url(ids));
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            read++;
            var html = await response.Content.ReadAsStringAsync();
            Assert.False(EmptyAddress().IsMatch(html), $"{who} {page}: a link or form has no address: {EmptyAddress().Match(html).Value}");
        }
        Assert.True(read > 3, $"{who} could read only {read} pages");
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("coordinator")]
    [InlineData("mentor1")]
    public async Task No_page_outside_a_programme_has_a_link_or_form_without_an_address(string who)
    {
        var client = await factory.AsAsync(who);
        foreach (var path in new[] { "/", "/notifications", "/notifications/preferences", "/calendar-subscription", "/account/security", "/about", "/privacy", "/accessibility", "/admin", "/admin/audit", "/admin/outbox", "/admin/organisation-sign-in" })
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK) continue;
            var html = await response.Content.ReadAsStringAsync();
            Assert.False(EmptyAddress().IsMatch(html), $"{who} {path}: a link or form has no address: {EmptyAddress().Match(html).Value}");
        }
    }

    [Fact]
    public void Code_without_a_page_gets_addresses_from_the_router_and_a_wrong_page_name_fails_loudly()
    {
        _ = factory.Server;
        var pages = factory.Services.GetRequiredService<Upward.Web.Programmes.PageLinks>();
        var id = Guid.NewGuid();
        var wave = Guid.NewGuid();

        Assert.Equal($"/programmes/{id}/pairing", pages.Programme(id, "/Sessions/Pairing"));
        Assert.Equal($"/programmes/{id}/questionnaires/{wave}", pages.Programme(id, "/Questionnaires/Start", new { waveId = wave }));
        Assert.Throws<InvalidOperationException>(() => pages.Programme(id, "/Sessions/NoSuchPage"));
        Assert.Throws<InvalidOperationException>(() => pages.Programme(id, "/Questionnaires/Start"));
    }

    [GeneratedRegex("<(a|form)\\b[^>]*\\b(href|action)=\"\"[^>]*>")]
    private static partial Regex EmptyAddress();
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Sessions;
using Upward.Web.Pages.Sessions;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Sessions;

/// <summary>
/// The concerns list with more concerns than a page holds: open ones first, page 2 continues page 1,
/// a concern on page 2 can be answered from there, the named lead's concerns stay out of the
/// coordinators' pages and counts, and a bad page number shows a page rather than an error.
/// </summary>
public sealed partial class ConcernsPagingTests(DemoFactory factory) : PairTestBase(factory), IClassFixture<DemoFactory>
{
    private const int Open = 22, Resolved = 8;

    [GeneratedRegex(@"Paging concern (open|resolved) (\d\d)")]
    private static partial Regex ConcernText();

    private async Task<Guid> WithManyConcernsAsync()
    {
        var id = await ProgrammeIdAsync();
        var raiser = await Factory.EnrolmentIdAsync("mentee2");
        await Factory.WithDbAsync(async db =>
        {
            if (await db.Concerns.AnyAsync(c => c.Text.StartsWith("Paging concern"))) return;
            var start = new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc);
            for (var i = 1; i <= Open + Resolved; i++)
            {
                var resolved = i > Open;
                db.Concerns.Add(new Concern
                {
                    ProgrammeId = id, RaisedByEnrolmentId = raiser, Route = ConcernRoute.Coordinators,
                    Text = $"Paging concern {(resolved ? "resolved" : "open")} {i:00}", RaisedAtUtc = start.AddHours(i),
                    AcknowledgedAtUtc = resolved ? start.AddHours(i + 1) : null, ResolvedAtUtc = resolved ? start.AddHours(i + 2) : null,
                });
            }
            db.Concerns.Add(new Concern { ProgrammeId = id, RaisedByEnrolmentId = raiser, Route = ConcernRoute.NamedLead, Text = "Paging concern for the named lead only", RaisedAtUtc = start });
            await db.SaveChangesAsync();
        });
        return id;
    }

    private static List<(string State, int Number)> Shown(string html) =>
        ConcernText().Matches(html).Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value))).ToList();

    [Fact]
    public async Task Open_concerns_come_first_and_page_two_continues_page_one()
    {
        var id = await WithManyConcernsAsync();
        var coordinator = await AsAsync("coordinator");
        var first = await coordinator.GetStringAsync($"/programmes/{id}/concerns");
        var second = await coordinator.GetStringAsync($"/programmes/{id}/concerns?pageNumber=2");

        var onFirst = Shown(first);
        var onSecond = Shown(second);
        Assert.Equal(ConcernsModel.PageSize, onFirst.Count);
        Assert.Equal(Open + Resolved - ConcernsModel.PageSize, onSecond.Count);
        // The open ones newest first, then the resolved ones newest first, page 2 running on from page 1.
        var expected = Enumerable.Range(1, Open).Reverse().Select(i => ("open", i))
            .Concat(Enumerable.Range(Open + 1, Resolved).Reverse().Select(i => ("resolved", i)));
        Assert.Equal(expected, onFirst.Concat(onSecond));
        Assert.Contains($"Showing 1 to {ConcernsModel.PageSize} of {Open + Resolved}", first);
        Assert.Contains("nhsuk-pagination--numbered", first);

        // The named lead's concern is on no page of the coordinators' list, nor in its count.
        Assert.DoesNotContain("for the named lead only", first + second);
    }

    [Fact]
    public async Task A_concern_on_page_two_can_be_handled_from_page_two()
    {
        var id = await WithManyConcernsAsync();
        var oldest = await Factory.WithDbAsync(db => db.Concerns.SingleAsync(c => c.Text == "Paging concern open 01"));
        var coordinator = await AsAsync("coordinator");
        var page = $"/programmes/{id}/concerns?pageNumber=2";
        Assert.Contains(oldest.Text, await coordinator.GetStringAsync(page));

        // An empty answer: page 2 comes back with the error beside that concern.
        var refused = await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["concernId"] = oldest.Id.ToString(), ["answer"] = " " },
            $"/programmes/{id}/concerns?handler=Answer&pageNumber=2");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Enter your answer", html);
        Assert.Contains(oldest.Text, html);

        // Marked as read from page 2: back to page 2, and recorded.
        var read = await coordinator.SubmitAsync(page, new Dictionary<string, string> { ["concernId"] = oldest.Id.ToString() },
            $"/programmes/{id}/concerns?handler=Acknowledge&pageNumber=2");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.EndsWith("pageNumber=2", read.Headers.Location?.OriginalString);
        Assert.NotNull((await Factory.WithDbAsync(db => db.Concerns.SingleAsync(c => c.Id == oldest.Id))).AcknowledgedAtUtc);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("x")]
    [InlineData("400")]
    public async Task A_bad_page_number_shows_a_page(string pageNumber)
    {
        var id = await WithManyConcernsAsync();
        var response = await (await AsAsync("coordinator")).GetAsync($"/programmes/{id}/concerns?pageNumber={pageNumber}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(Shown(await response.Content.ReadAsStringAsync()));
    }
}

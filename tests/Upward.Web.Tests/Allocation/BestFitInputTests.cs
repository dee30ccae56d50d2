using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Allocation;

/// <summary>
/// What best fit reads: department, specialty and topics (your-work), the two mentor lists
/// (would-like-to-meet, rather-not-meet), the Settings lists and the Allocation ticks. Tampered,
/// repeated, foreign or malformed fields get the error summary with what was typed kept, never a 500
/// and nothing saved; wrong users are refused; mentors and exports never see any of it.
/// </summary>
public sealed partial class BestFitInputTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    /// <summary>Posts a form as a browser would, but with repeatable fields (the shared helper takes a dictionary).</summary>
    private static async Task<(HttpResponseMessage Response, string Html)> PostAsync(HttpClient client, string page, IEnumerable<(string Name, string Value)> fields)
    {
        var html = await client.GetStringAsync(page);
        var token = WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        var response = await client.PostAsync(page, new FormUrlEncodedContent(form));
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static void AssertFormAgain(HttpResponseMessage response, string html, string what)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: expected the form again, got {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Contains("nhsuk-error-summary", html);
    }

    private async Task<Guid> DomainAsync(Guid programme, int position) =>
        await factory.WithDbAsync(db => db.ProgrammeDomains.Where(d => d.ProgrammeId == programme).OrderBy(d => d.Position).Select(d => d.Id).Skip(position).FirstAsync());

    private async Task<(string? Department, string? Specialty, List<Guid> Topics)> WorkOfAsync(string who)
    {
        var me = await factory.EnrolmentIdAsync(who);
        var e = await factory.WithDbAsync(db => db.Enrolments.AsNoTracking().SingleAsync(x => x.Id == me));
        return (e.Department, e.Specialty, e.TopicDomainIds);
    }

    [Fact]
    public async Task Your_work_a_topic_that_is_not_an_id_is_refused_and_the_other_answers_stay_ticked()
    {
        var id = await factory.ProgrammeIdAsync();
        var topic = await DomainAsync(id, 1);
        var before = await WorkOfAsync("mentor5");
        var (response, html) = await PostAsync(await factory.AsAsync("mentor5"), $"/programmes/{id}/your-work",
            [("Input.Department", "Acute medical unit"), ("Input.Specialty", "General surgery"), ("Input.Topics", topic.ToString()), ("Input.Topics", "1; DROP TABLE")]);

        AssertFormAgain(response, html, "non-GUID topic");
        Assert.Contains("The list of topics has changed since the page was opened", html);
        Assert.DoesNotContain("is not valid", html);
        Assert.Matches("value=\"Acute medical unit\"[^>]*checked", html);
        Assert.Matches("value=\"General surgery\"[^>]*checked", html);
        Assert.Matches($"value=\"{topic}\"[^>]*checked", html);
        var after = await WorkOfAsync("mentor5");
        Assert.Equal((before.Department, before.Specialty), (after.Department, after.Specialty));
        Assert.Equal(before.Topics, after.Topics);
    }

    [Fact]
    public async Task Your_work_another_programmes_topic_over_long_and_repeated_answers_are_refused()
    {
        var id = await factory.ProgrammeIdAsync();
        var before = await WorkOfAsync("mentor6");
        var client = await factory.AsAsync("mentor6");
        var foreignDomain = await factory.WithDbAsync(db => db.ProgrammeDomains.Where(d => d.ProgrammeId != id).Select(d => (Guid?)d.Id).FirstOrDefaultAsync()) ?? Guid.NewGuid();

        (string, string)[][] attempts =
        [
            [("Input.Department", new string('x', 10_000))],
            [("Input.Department", "Mars base"), ("Input.Department", "Emergency department")],
            [("Input.Specialty", "Mars base"), ("Input.Specialty", "Acute medicine")],
            [("Input.Topics", foreignDomain.ToString())],
        ];
        foreach (var attempt in attempts)
        {
            // Every attempt carries the rest of the form as it was, as a browser would send it.
            var rest = new (string, string)[] { ("Input.Department", before.Department ?? "none"), ("Input.Specialty", before.Specialty ?? "none") }
                .Concat(before.Topics.Select(t => ("Input.Topics", t.ToString())))
                .Where(f => attempt.All(a => a.Item1 != f.Item1));
            var fields = attempt.Concat(rest);
            var (response, html) = await PostAsync(client, $"/programmes/{id}/your-work", fields);
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            if (response.StatusCode == HttpStatusCode.OK) Assert.Contains("nhsuk-error-summary", html);
        }
        var after = await WorkOfAsync("mentor6");
        Assert.Equal((before.Department, before.Specialty), (after.Department, after.Specialty));
        Assert.Equal(before.Topics, after.Topics);
    }

    [Fact]
    public async Task Thousands_of_ticked_boxes_are_refused_without_a_500()
    {
        var id = await factory.ProgrammeIdAsync();
        var topic = await DomainAsync(id, 0);
        var mentor1 = await factory.EnrolmentIdAsync("mentor1");
        var before = await WorkOfAsync("mentee5");
        var client = await factory.AsAsync("mentee5");

        var work = await PostAsync(client, $"/programmes/{id}/your-work", Enumerable.Repeat(("Input.Topics", topic.ToString()), 5000));
        Assert.True(work.Response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"your-work: {(int)work.Response.StatusCode}");
        var wish = await PostAsync(client, $"/programmes/{id}/phase-one/would-like-to-meet", Enumerable.Repeat(("Chosen", mentor1.ToString()), 5000));
        Assert.True(wish.Response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"would-like-to-meet: {(int)wish.Response.StatusCode}");

        Assert.Equal(before.Topics, (await WorkOfAsync("mentee5")).Topics);
        var me = await factory.EnrolmentIdAsync("mentee5");
        Assert.False(await factory.WithDbAsync(db => db.MentorWishes.AnyAsync(w => w.MenteeEnrolmentId == me)));
    }

    [Theory]
    [InlineData("would-like-to-meet")]
    [InlineData("rather-not-meet")]
    public async Task A_mentor_list_with_an_id_that_is_not_a_guid_saves_nothing_and_keeps_the_ticks(string list)
    {
        var id = await factory.ProgrammeIdAsync();
        var mentor5 = await factory.EnrolmentIdAsync("mentor5");
        var me = await factory.EnrolmentIdAsync("mentee4");
        var (response, html) = await PostAsync(await factory.AsAsync("mentee4"), $"/programmes/{id}/phase-one/{list}",
            [("Chosen", mentor5.ToString()), ("Chosen", "not-a-guid")]);

        AssertFormAgain(response, html, list);
        Assert.Contains("The list of mentors has changed since the page was opened", html);
        Assert.Matches($"value=\"{mentor5}\"[^>]*checked", html);
        Assert.False(await factory.WithDbAsync(db => db.MentorWishes.AnyAsync(w => w.MenteeEnrolmentId == me && w.MentorEnrolmentId == mentor5)));
        Assert.False(await factory.WithDbAsync(db => db.MentorDeclines.AnyAsync(d => d.MenteeEnrolmentId == me && d.MentorEnrolmentId == mentor5)));
    }

    [Fact]
    public async Task A_mentor_named_twice_is_saved_once()
    {
        var id = await factory.ProgrammeIdAsync();
        var mentor6 = await factory.EnrolmentIdAsync("mentor6");
        var me = await factory.EnrolmentIdAsync("mentee1");
        var (response, _) = await PostAsync(await factory.AsAsync("mentee1"), $"/programmes/{id}/phase-one/rather-not-meet",
            [("Chosen", mentor6.ToString()), ("Chosen", mentor6.ToString())]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.MentorDeclines.CountAsync(d => d.MenteeEnrolmentId == me && d.MentorEnrolmentId == mentor6)));
    }

    [Theory]
    [InlineData("Input.Departments", 101, 10, "Enter 100 departments or fewer")]
    [InlineData("Input.Specialties", 101, 10, "Enter 100 specialties or fewer")]
    [InlineData("Input.Specialties", 3, 121, "Each specialty must be 120 characters or fewer")]
    public async Task Settings_lists_too_long_are_refused_and_what_was_typed_is_kept(string field, int lines, int length, string message)
    {
        var id = await factory.ProgrammeIdAsync();
        var before = await factory.WithDbAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.Id == id));
        var typed = string.Join("\n", Enumerable.Range(1, lines).Select(i => $"{i:000}".PadRight(length, 'd')));
        var (response, html) = await PostAsync(await factory.AsAsync("coordinator"), $"/programmes/{id}/settings",
        [
            ("Input.Name", before.Name), ("Input.AnonymityThreshold", before.AnonymityThreshold.ToString()), ("Input.SessionTimeLimitMinutes", "60"),
            ("Input.TimeZone", before.TimeZone), ("Input.RetentionMonths", "12"), ("Input.MenteesPerMentor", "1"), ("Input.SessionsPerPair", "1"),
            ("Input.SupervisorRule", before.SupervisorRule.ToString()), (field, typed),
        ]);

        AssertFormAgain(response, html, field);
        Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Default.Encode(typed)[..200], html);
        Assert.Contains(message, html);
        var after = await factory.WithDbAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal(before.Departments, after.Departments);
        Assert.Equal(before.Specialties, after.Specialties);
    }

    [Theory]
    [InlineData("999")]
    [InlineData("Everything")]
    [InlineData("-1")]
    public async Task Allocation_ticks_out_of_range_make_no_plan_and_say_why(string consider)
    {
        var id = await factory.ProgrammeIdAsync();
        var response = await (await factory.AsAsync("coordinator")).GetAsync($"/programmes/{id}/allocation?Mode=Optimal&Consider=SharedTopics&Consider={consider}");
        var html = await response.Content.ReadAsStringAsync();

        AssertFormAgain(response, html, consider);
        Assert.Contains("Select what best fit takes into account from the list", html);
        Assert.DoesNotContain("Confirm and tell the pairs", html);
    }

    [Theory]
    [InlineData("/your-work")]
    [InlineData("/phase-one/would-like-to-meet")]
    [InlineData("/phase-one/rather-not-meet")]
    public async Task Wrong_users_cannot_post_anyones_work_or_lists(string page)
    {
        var id = await factory.ProgrammeIdAsync();
        var mentor1 = await factory.EnrolmentIdAsync("mentor1");
        var url = $"/programmes/{id}{page}";
        // The form is fetched by a rightful user, then posted by the wrong one with the right one's token stripped.
        var rightful = await factory.AsAsync("mentee1");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(await rightful.GetStringAsync(url)).Groups[1].Value);
        Assert.NotEmpty(token);

        var signedOut = await factory.Browser().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("/account/sign-in", signedOut.Headers.Location!.OriginalString);

        var outsider = await factory.AsAsync(DemoPeople.OutsiderEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);

        foreach (var who in page == "/your-work" ? new[] { "coordinator", "researcher", "facilitator", "admin" } : ["mentor1", "coordinator", "admin"])
        {
            var client = await factory.AsAsync(who);
            var html = await client.GetStringAsync($"/programmes/{id}/my-data").ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "");
            var own = WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);
            var post = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = own, ["Chosen"] = mentor1.ToString(), ["Input.Department"] = "Emergency department",
            }));
            Assert.True(post.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest
                || (post.StatusCode == HttpStatusCode.Redirect && post.Headers.Location!.OriginalString.Contains("/account/access-denied")),
                $"{who} posting {page}: {(int)post.StatusCode} {post.Headers.Location}");
        }
    }

    [Fact]
    public async Task A_mentor_never_reads_that_a_mentee_wished_for_them_and_no_export_carries_work_or_wishes()
    {
        var id = await factory.ProgrammeIdAsync();
        // The demo: mentee2 would like to meet mentor3; everyone has a department, specialty and two topics.
        var mentor3 = await factory.AsAsync("mentor3");
        string[] mentorPages =
        [
            $"/programmes/{id}", $"/programmes/{id}/my-data", $"/programmes/{id}/phase-one", $"/programmes/{id}/phase-one/willingness",
            $"/programmes/{id}/pairing", $"/programmes/{id}/your-work", $"/programmes/{id}/allocation", $"/programmes/{id}/phase-one/would-like-to-meet",
            $"/programmes/{id}/phase-one/rather-not-meet", $"/programmes/{id}/phase-one/willingness/all",
        ];
        foreach (var page in mentorPages)
        {
            var response = await mentor3.GetAsync(page);
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            foreach (var secret in new[] { "would like to meet", "asked to meet", "rather not meet" })
            {
                Assert.False(html.Contains(secret, StringComparison.OrdinalIgnoreCase), $"mentor3 reads '{secret}' on {page}");
            }
        }

        var researcher = await factory.AsAsync("researcher");
        string[] secrets = ["Emergency department", "Acute medical unit", "Surgical assessment unit", "Emergency medicine", "Acute medicine", "General surgery",
            "specialty", "topic_", "wish", "would like to meet", "rather not meet", "asked to meet"];
        foreach (var file in new[] { "answers.csv", "codebook.csv", "bundle.json", "evaluation.xlsx" })
        {
            var response = await researcher.GetAsync($"/programmes/{id}/evaluation/export/{file}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            if (file == "bundle.json") Assert.Contains("\"themes\"", Encoding.UTF8.GetString(bytes));
            var text = file.EndsWith(".xlsx", StringComparison.Ordinal) ? XlsxText(bytes) : Encoding.UTF8.GetString(bytes);
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{file} carries '{secret}'");
            }
        }
    }

    [Fact]
    public async Task The_evaluation_report_and_table_1_carry_no_work_or_wishes()
    {
        var id = await factory.ProgrammeIdAsync();
        foreach (var (who, page) in new[] { ("researcher", $"/programmes/{id}/evaluation"), ("coordinator", $"/programmes/{id}/evaluation"), ("researcher", $"/programmes/{id}/free-text/table?handler=Csv"), ("researcher", $"/programmes/{id}/free-text/table") })
        {
            var response = await (await factory.AsAsync(who)).GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync();
            foreach (var secret in new[] { "Emergency department", "Acute medical unit", "Surgical assessment unit", "Emergency medicine", "General surgery", "would like to meet", "rather not meet" })
            {
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{page} for {who} carries '{secret}'");
            }
        }
    }

    private static string XlsxText(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        return string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)).Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.People;

public sealed class CsvImportTests(DemoFactory factory) : PeopleTestBase(factory), IClassFixture<DemoFactory>
{
    private async Task<(HttpResponseMessage Response, string Html)> UploadAsync(string fileName, byte[] content)
    {
        var id = await ProgrammeIdAsync();
        var response = await (await AsAsync("coordinator")).UploadAsync($"/programmes/{id}/import", "Upload", fileName, content);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private Task<int> InvitationCountAsync() => Factory.WithDbAsync(db => db.Invitations.CountAsync());

    [Fact]
    public async Task A_good_file_invites_everyone_and_emails_each_person()
    {
        var csv = new StringBuilder("email,name,role,gender,age_band\n");
        for (var i = 1; i <= 6; i++) csv.Append($"new.mentor{i}@example.nhs.uk,Dr New Mentor {i},mentor,Prefer not to say,31 to 40\n");
        for (var i = 1; i <= 5; i++) csv.Append($"new.mentee{i}@example.nhs.uk,Dr New Mentee {i},mentee,,\n");
        var before = await InvitationCountAsync();

        var (response, _) = await UploadAsync("people.csv", Encoding.UTF8.GetBytes(csv.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("?invited=11", response.Headers.Location!.OriginalString);
        Assert.Equal(before + 11, await InvitationCountAsync());
        var invitation = await Factory.WithDbAsync(db => db.Invitations.SingleAsync(i => i.Email == "new.mentor3@example.nhs.uk"));
        Assert.Equal(ProgrammeRole.Mentor, invitation.Role);
        Assert.Equal("31 to 40", invitation.Demographics.AgeBand);
        Assert.Single(Factory.Sent(), m => m.To.Mailboxes.Any(b => b.Address == "new.mentee5@example.nhs.uk"));
    }

    [Fact]
    public async Task A_file_with_several_bad_rows_imports_nothing_and_lists_each_row()
    {
        var before = await InvitationCountAsync();
        var (response, html) = await UploadAsync("people.csv", Encoding.UTF8.GetBytes(
            "email,name,role\nok.person@example.nhs.uk,Dr OK,mentor\nbroken,Dr Broken,mentor\nnobody@example.nhs.uk,,mentee\nx@example.nhs.uk,Dr X,chief\n"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("nhsuk-error-summary", html);
        Assert.Contains("3 lines need correcting: nobody has been invited", html);
        Assert.Contains("Line 3 email &#x27;broken&#x27; is not an email address", html);
        Assert.Contains("Line 4 has no name", html);
        Assert.Contains("Line 5 role &#x27;chief&#x27;", html);
        Assert.Equal(before, await InvitationCountAsync());
    }

    [Fact]
    public async Task Duplicate_emails_are_refused()
    {
        var before = await InvitationCountAsync();
        var (_, html) = await UploadAsync("people.csv", Encoding.UTF8.GetBytes(
            "email,name,role\ndup@example.nhs.uk,Dr Dup,mentor\nDUP@example.nhs.uk,Dr Dup Again,mentee\n"));

        Assert.Contains("is also on line 2", html);
        Assert.Equal(before, await InvitationCountAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_csv_gets_a_plain_message()
    {
        var xlsx = new byte[] { (byte)'P', (byte)'K', 3, 4, 0, 0, 1, 2 };
        var (response, html) = await UploadAsync("people.xlsx", xlsx);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The file must be a CSV file", html);

        var (_, noFile) = await UploadAsync("empty.csv", []);
        Assert.Contains("Select a CSV file", noFile);

        var (_, latin1) = await UploadAsync("latin1.csv", [.. Encoding.ASCII.GetBytes("email,name,role\na@b.nhs.uk,Ren"), 0xE9, .. Encoding.ASCII.GetBytes(",mentor\n")]);
        Assert.Contains("The file must be saved as CSV UTF-8", latin1);
    }
}

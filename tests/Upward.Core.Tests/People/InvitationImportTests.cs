using Upward.Core.People;
using Upward.Core.Programmes;

namespace Upward.Core.Tests.People;

public sealed class InvitationImportTests
{
    private static readonly HashSet<(string, ProgrammeRole)> Nobody = [];

    [Fact]
    public void A_good_file_gives_every_row_with_normalised_email_and_bands()
    {
        var csv = "email,name,role,gender,age_band\r\nA.Junior@Example.NHS.uk,Dr A Junior,Mentor,woman,31 to 40\r\n\"consultant@example.nhs.uk\",\"Dr Smith, B\",mentee,,\r\n";
        var result = InvitationImport.Check(csv, Nobody);

        Assert.True(result.IsValid);
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal("a.junior@example.nhs.uk", result.Rows[0].Email);
        Assert.Equal(ProgrammeRole.Mentor, result.Rows[0].Role);
        Assert.Equal("Woman", result.Rows[0].Demographics.Gender);
        Assert.Equal("31 to 40", result.Rows[0].Demographics.AgeBand);
        Assert.Equal("Dr Smith, B", result.Rows[1].Name);
        Assert.True(result.Rows[1].Demographics.IsEmpty);
    }

    [Fact]
    public void Several_bad_rows_import_nothing_and_each_is_reported_with_its_line()
    {
        var csv = "email,name,role,grade\nnot-an-email,Dr A,mentor,\nb@example.nhs.uk,,mentee,\nc@example.nhs.uk,Dr C,boss,\nd@example.nhs.uk,Dr D,mentor,Wizard\ne@example.nhs.uk,Dr E,mentor,Consultant\n";
        var result = InvitationImport.Check(csv, Nobody);

        Assert.False(result.IsValid);
        Assert.Empty(result.Rows);
        Assert.Equal([2, 3, 4, 5], result.Problems.Select(p => p.Line));
        Assert.Contains("'not-an-email' is not an email address", result.Problems[0].Message);
        Assert.Contains("has no name", result.Problems[1].Message);
        Assert.Contains("role 'boss'", result.Problems[2].Message);
        Assert.Contains("grade 'Wizard'", result.Problems[3].Message);
    }

    [Fact]
    public void Duplicate_emails_in_the_file_and_people_already_invited_are_refused()
    {
        var csv = "email,name,role\na@example.nhs.uk,Dr A,mentor\nA@example.nhs.uk ,Dr A again,mentee\nb@example.nhs.uk,Dr B,mentor\n";
        var result = InvitationImport.Check(csv, new HashSet<(string, ProgrammeRole)> { ("b@example.nhs.uk", ProgrammeRole.Mentor) });

        Assert.False(result.IsValid);
        Assert.Contains("also on line 2", result.Problems.Single(p => p.Line == 3).Message);
        Assert.Contains("already invited", result.Problems.Single(p => p.Line == 4).Message);
    }

    [Theory]
    [InlineData("", "The file is empty")]
    [InlineData("email,name,role\n", "no people")]
    [InlineData("name,role\nDr A,mentor\n", "missing email")]
    [InlineData("email,name,role,shoe_size\na@b.nhs.uk,A,mentor,9\n", "shoe_size")]
    [InlineData("email,name,role\n\"a@b.nhs.uk,A,mentor\n", "never closed")]
    [InlineData("email,name,role\na@b.nhs.uk,A,mentor,extra\n", "has 4 values")]
    public void A_file_that_is_not_the_expected_csv_is_refused_with_a_reason(string csv, string expected)
    {
        var result = InvitationImport.Check(csv, Nobody);

        Assert.False(result.IsValid);
        Assert.Contains(expected, string.Join(" | ", result.Problems.Select(p => p.Message)));
    }
}

namespace Upward.Core.Tests.Cli;

/// <summary><c>upward db migrate</c> and <c>upward admin create</c> against a real SQLite file.</summary>
public sealed class AdministrationCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "upward-cli-tests", Guid.NewGuid().ToString("N"));
    private string Connection => $"Data Source={Path.Combine(_folder, "upward.db")}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Migrate_creates_the_database_then_reports_it_up_to_date()
    {
        var first = CliRun.Of("db", "migrate", "--connection", Connection);
        var second = CliRun.Of("db", "migrate", "--connection", Connection);

        Assert.Equal(0, first.ExitCode);
        Assert.Matches(@"^Applied [1-9][0-9]* migration\(s\): [0-9]{14}_Initial", first.Out);
        Assert.True(File.Exists(Path.Combine(_folder, "upward.db")));
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("The database is up to date.", second.Out.Trim());
    }

    [Fact]
    public void A_database_from_another_build_is_refused_in_one_line_and_left_untouched()
    {
        Assert.Equal(0, CliRun.Of("db", "migrate", "--connection", Connection).ExitCode);
        // As a database made before the migrations were squashed would be.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(Connection))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('20200101000000_Older', '10.0.0')";
            command.ExecuteNonQuery();
        }

        var run = CliRun.Of("db", "migrate", "--connection", Connection);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("made by another build of Upward (it has migration 20200101000000_Older", line);
        Assert.Contains("has not been changed", line);
    }

    [Fact]
    public void Admin_create_prints_a_set_up_link_for_the_given_address()
    {
        var run = CliRun.Of("admin", "create", "--base-url", "https://upward.example.nhs.uk/", "--connection", Connection);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^https://upward\.example\.nhs\.uk/setup\?token=[A-Za-z0-9_-]{40,}$", run.Out.Trim());
    }

    [Theory]
    [InlineData("db", "migrate", "--provider", "oracle")]
    [InlineData("db", "migrate", "--provider", "postgres")]
    [InlineData("admin", "create", "--base-url", "not a url")]
    [InlineData("frobnicate")]
    [InlineData("db", "migrate", "--no-such-option")]
    public void Bad_input_is_one_line_and_exit_2(params string[] args) => CliRun.Of(args).AssertBadInput("upward: ");
}

using Microsoft.EntityFrameworkCore;
using System.CommandLine;
using Upward.Data;

namespace Upward.Cli.Commands;

/// <summary>
/// <c>upward seed --mentors M --mentees N</c>: a synthetic programme of that size in a new organisation,
/// for benchmarks and demonstrations; prints the accounts to sign in with and their one password.
/// </summary>
internal static class SeedCommand
{
    public const int Largest = 100_000;

    public static Command Create(CliConsole console)
    {
        var command = new Command("seed", "Create a synthetic programme of the given size in a new organisation (for benchmarks and demonstrations).");
        var mentors = new Option<int>("--mentors") { Description = "how many mentors", Required = true };
        var mentees = new Option<int>("--mentees") { Description = "how many mentees", Required = true };
        var arguments = new DatabaseArguments();
        command.Options.Add(mentors);
        command.Options.Add(mentees);
        arguments.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var m = parse.GetValue(mentors);
            var n = parse.GetValue(mentees);
            foreach (var (name, value) in new[] { ("--mentors", m), ("--mentees", n) })
            {
                if (value < 1 || value > Largest)
                {
                    throw new CliInputException($"{name} must be a whole number from 1 to {Largest:N0}");
                }
            }
            await using var context = UpwardDbContextFactory.Create(arguments.Read(parse));
            await DatabaseMigrator.MigrateAsync(context, ct);
            console.Out.WriteLine($"Seeding {m:N0} mentors and {n:N0} mentees...");
            var result = await new SyntheticProgramme(context, TimeProvider.System).CreateAsync(m, n, console.Out, ct);
            if (context.Database.IsNpgsql())
            {
                // What autovacuum would do a little later: without fresh statistics after a bulk load, PostgreSQL
                // plans the free-text queries as if the tables were nearly empty, and the first minutes of a
                // benchmark measure that rather than the steady state (the quote page took 1.7 s, 0.5 s after).
                // VACUUM also marks the loaded pages all-visible, so index-only scans need not visit the table,
                // and autovacuum does not start on the new rows in the middle of a benchmark.
                await context.Database.ExecuteSqlRawAsync("VACUUM ANALYZE", ct);
            }
            console.Out.WriteLine($"Made \"{result.ProgrammeName}\" in the new organisation \"{result.OrganisationName}\".");
            console.Out.WriteLine($"Sign in with any of these accounts and the password {result.Password}");
            foreach (var local in new[] { "admin", "coordinator", "facilitator", "researcher" })
            {
                console.Out.WriteLine($"  {local}@{result.EmailDomain}");
            }
            console.Out.WriteLine($"  mentor1@{result.EmailDomain} ... mentor{m}@{result.EmailDomain}");
            console.Out.WriteLine($"  mentee1@{result.EmailDomain} ... mentee{n}@{result.EmailDomain}");
            return CliApp.Ok;
        });
        return command;
    }
}

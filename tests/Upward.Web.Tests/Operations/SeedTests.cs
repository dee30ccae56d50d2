using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Upward.Cli;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Sessions;
using Upward.Web.Tests.Infrastructure;

namespace Upward.Web.Tests.Operations;

/// <summary><c>upward seed</c>: a synthetic programme of the size asked for, whose printed accounts sign in.</summary>
public sealed partial class SeedTests(UpwardFactory factory) : IClassFixture<UpwardFactory>
{
    [Fact]
    public async Task Seed_makes_a_programme_of_the_size_asked_for_with_answers_at_every_stage_and_accounts_that_sign_in()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(["seed", "--mentors", "7", "--mentees", "5", "--provider", factory.Database.Provider, "--connection", factory.Database.ConnectionString],
            new CliConsole(new StringReader(""), output, error));
        Assert.True(code == 0, error.ToString());
        var printed = Printed().Match(output.ToString());
        Assert.True(printed.Success, output.ToString());
        var (password, domain) = (printed.Groups[1].Value, printed.Groups[2].Value);

        var programme = await factory.WithDbAsync(db => db.Programmes.SingleAsync(p => p.Name.StartsWith("Synthetic programme")));
        var enrolments = await factory.WithDbAsync(db => db.Enrolments.Where(e => e.ProgrammeId == programme.Id).ToListAsync());
        Assert.Equal(7, enrolments.Count(e => e.Role == ProgrammeRole.Mentor));
        Assert.Equal(5, enrolments.Count(e => e.Role == ProgrammeRole.Mentee));
        Assert.Single(enrolments, e => e.Role == ProgrammeRole.Coordinator);
        Assert.All(enrolments, e => Assert.Equal(EnrolmentStatus.Consented, e.Status));
        Assert.Equal(7 * 5, await factory.WithDbAsync(db => db.Willingness.CountAsync(w => w.ProgrammeId == programme.Id)));
        var pairs = await factory.WithDbAsync(db => db.Pairings.Where(p => p.ProgrammeId == programme.Id).Select(p => p.Id).ToListAsync());
        Assert.Equal(5, pairs.Count);
        var sessions = await factory.WithDbAsync(db => db.MentoringSessions.Where(s => pairs.Contains(s.PairingId)).ToListAsync());
        Assert.Equal(5, sessions.Count(s => s.Status == SessionStatus.Held));
        Assert.Equal(5, sessions.Count(s => s.Status == SessionStatus.Agreed));

        // Every stage's questionnaire has a submitted response from everyone in its audience.
        var waves = await factory.WithDbAsync(db => db.Waves.Where(w => w.ProgrammeId == programme.Id)
            .Select(w => new { w.Stage, w.Audience, Submitted = db.Responses.Count(r => r.WaveId == w.Id && r.Status == ResponseStatus.Submitted) }).ToListAsync());
        Assert.Equal([Stage.BeforePhase1, Stage.AfterPhase1, Stage.BeforePhase2, Stage.AfterPhase2], waves.Select(w => w.Stage).Distinct().Order());
        Assert.All(waves, w => Assert.Equal(w.Audience == ProgrammeRole.Mentor ? 7 : 5, w.Submitted));
        Assert.True(await factory.WithDbAsync(db => db.Codings.CountAsync(c => c.ProgrammeId == programme.Id)) > 0);

        // The printed accounts sign in, and the coordinator sees the programme.
        var coordinator = factory.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SignInAsync($"coordinator@{domain}", password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/programmes/{programme.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.Browser().SignInAsync($"mentee5@{domain}", password)).StatusCode);
    }

    [Fact]
    public void A_size_out_of_range_is_one_line_and_exit_2()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(["seed", "--mentors", "0", "--mentees", "5", "--provider", factory.Database.Provider, "--connection", factory.Database.ConnectionString],
            new CliConsole(new StringReader(""), output, error));
        Assert.Equal(CliApp.BadInput, code);
        Assert.Equal("", output.ToString());
        Assert.Contains("--mentors", Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"the password (\S+)\s+admin@(\S+)")]
    private static partial Regex Printed();
}

using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Upward.Core.Notifications;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Sessions;
using Upward.Core.Timeline;
using Upward.Data;
using Upward.Data.Identity;
using Upward.Web.Pages.Notifications;

namespace Upward.Bench;

/// <summary>
/// Finding the notifications due in a programme of 10,000 participants (5,000 mentors, 5,000 mentees):
/// an open questionnaire in its last days that 3,000 mentees have answered, and 4,000 pairs of which half
/// have not agreed a session. "First turn" adds every message (about 2,000 + 4,000); "every minute after"
/// is the scheduler's usual turn, which finds them all already added. Target: under 1 s.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class NotificationBenchmarks
{
    public const int Mentors = 5_000, Mentees = 5_000, Answered = 3_000, Pairs = 4_000;
    private static readonly DateTime Now = new(2027, 3, 10, 10, 0, 0, DateTimeKind.Utc);

    private DatabaseOptions _options = null!;
    private string _file = null!;

    [GlobalSetup]
    public void Setup()
    {
        _file = Path.Combine(Path.GetTempPath(), $"upward-bench-notify-{Guid.NewGuid():N}.db");
        _options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={_file}" };
        using var db = UpwardDbContextFactory.Create(_options);
        DatabaseMigrator.MigrateAsync(db).GetAwaiter().GetResult();
        var programme = new Programme { Name = "Bench", OrganisationId = Guid.NewGuid(), Status = ProgrammeStatus.Running, SessionsPerPair = 1 };
        db.Programmes.Add(programme);
        var instrument = new Instrument { ProgrammeId = programme.Id, Key = "mentees-after", Title = "Mentees: after" };
        db.Instruments.Add(instrument);
        var wave = new Wave { ProgrammeId = programme.Id, InstrumentId = instrument.Id, Audience = ProgrammeRole.Mentee, Stage = Stage.After, IsOpen = true, OpenedAtUtc = Now.AddDays(-10) };
        db.Waves.Add(wave);
        db.TimelineEntries.Add(new TimelineEntry { ProgrammeId = programme.Id, Step = TimelineStep.AfterQuestionnaire, StartsOn = new DateOnly(2027, 3, 1), EndsOn = new DateOnly(2027, 3, 11), OpenedByTimelineAtUtc = Now.AddDays(-9) });
        var mentors = new List<Enrolment>();
        var mentees = new List<Enrolment>();
        for (var i = 0; i < Mentors + Mentees; i++)
        {
            var role = i < Mentors ? ProgrammeRole.Mentor : ProgrammeRole.Mentee;
            var user = new UpwardUser { Id = Guid.NewGuid(), UserName = $"p{i}@bench.example", Email = $"p{i}@bench.example", DisplayName = $"Person {i}" };
            db.Users.Add(user);
            var enrolment = new Enrolment { ProgrammeId = programme.Id, UserId = user.Id, Role = role, Status = EnrolmentStatus.Consented, ParticipantCode = $"{(role == ProgrammeRole.Mentor ? "MR" : "ME")}-{i:00000}" };
            db.Enrolments.Add(enrolment);
            (role == ProgrammeRole.Mentor ? mentors : mentees).Add(enrolment);
        }
        for (var i = 0; i < Answered; i++)
        {
            db.Responses.Add(new Response { WaveId = wave.Id, EnrolmentId = mentees[i].Id, InstrumentId = instrument.Id, Status = ResponseStatus.Submitted, SubmittedAtUtc = Now.AddDays(-2) });
        }
        for (var i = 0; i < Pairs; i++)
        {
            var pairing = new Pairing { ProgrammeId = programme.Id, MentorEnrolmentId = mentors[i].Id, MenteeEnrolmentId = mentees[i].Id, CreatedAtUtc = Now.AddDays(-30) };
            db.Pairings.Add(pairing);
            if (i % 2 == 0) db.MentoringSessions.Add(new MentoringSession { PairingId = pairing.Id, Number = 1, StartsAtUtc = Now.AddDays(-5), Place = "Room", Status = SessionStatus.Held });
        }
        db.SaveChanges();
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    private async Task<int> FindAsync()
    {
        await using var db = UpwardDbContextFactory.Create(_options);
        var clock = new FixedClock(Now);
        var options = Options.Create(new NotificationOptions());
        var queue = new NotificationQueue(db, clock, options);
        var pages = new Upward.Web.Programmes.PageLinks(new AnyAddress());
        return await new QuestionnaireNotices(db, queue, clock, options, pages).FindDueAsync(CancellationToken.None)
            + await new PairNotices(db, queue, clock, options, pages).FindDueAsync(CancellationToken.None);
    }

    [IterationSetup(Target = nameof(FirstTurn))]
    public void Forget()
    {
        using var db = UpwardDbContextFactory.Create(_options);
        db.Notifications.ExecuteDelete();
    }

    [Benchmark]
    public Task<int> FirstTurn() => FindAsync();

    [IterationSetup(Target = nameof(EveryMinuteAfter))]
    public void Remember()
    {
        using var db = UpwardDbContextFactory.Create(_options);
        if (!db.Notifications.Any()) FindAsync().GetAwaiter().GetResult();
    }

    [Benchmark]
    public Task<int> EveryMinuteAfter() => FindAsync();

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now, TimeSpan.Zero);
    }

    /// <summary>
    /// The benchmark times finding who is due, not writing addresses, and runs without the web app's
    /// router: every page gets one fixed address.
    /// </summary>
    private sealed class AnyAddress : Microsoft.AspNetCore.Routing.LinkGenerator
    {
        public override string? GetPathByAddress<TAddress>(Microsoft.AspNetCore.Http.HttpContext httpContext, TAddress address, Microsoft.AspNetCore.Routing.RouteValueDictionary values, Microsoft.AspNetCore.Routing.RouteValueDictionary? ambientValues = null, Microsoft.AspNetCore.Http.PathString? pathBase = null, Microsoft.AspNetCore.Http.FragmentString fragment = default, Microsoft.AspNetCore.Routing.LinkOptions? options = null) => "/";
        public override string? GetPathByAddress<TAddress>(TAddress address, Microsoft.AspNetCore.Routing.RouteValueDictionary values, Microsoft.AspNetCore.Http.PathString pathBase = default, Microsoft.AspNetCore.Http.FragmentString fragment = default, Microsoft.AspNetCore.Routing.LinkOptions? options = null) => "/";
        public override string? GetUriByAddress<TAddress>(Microsoft.AspNetCore.Http.HttpContext httpContext, TAddress address, Microsoft.AspNetCore.Routing.RouteValueDictionary values, Microsoft.AspNetCore.Routing.RouteValueDictionary? ambientValues = null, string? scheme = null, Microsoft.AspNetCore.Http.HostString? host = null, Microsoft.AspNetCore.Http.PathString? pathBase = null, Microsoft.AspNetCore.Http.FragmentString fragment = default, Microsoft.AspNetCore.Routing.LinkOptions? options = null) => "/";
        public override string? GetUriByAddress<TAddress>(TAddress address, Microsoft.AspNetCore.Routing.RouteValueDictionary values, string? scheme, Microsoft.AspNetCore.Http.HostString host, Microsoft.AspNetCore.Http.PathString pathBase = default, Microsoft.AspNetCore.Http.FragmentString fragment = default, Microsoft.AspNetCore.Routing.LinkOptions? options = null) => "/";
    }
}

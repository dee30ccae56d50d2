using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Upward.Core.Evaluation;
using Upward.Core.People;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Data;
using Upward.Data.Evaluation;
using Upward.Data.Identity;

namespace Upward.Bench;

/// <summary>
/// The evaluation report for 20,000 participants × 4 questionnaires × 25 items (2,000,000 answers),
/// read from the database and built: SQLite always, PostgreSQL when UPWARD_BENCH_POSTGRES names a
/// server (a connection string to its postgres database; a scratch database is made and dropped).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class EvaluationDatabaseBenchmarks
{
    public const int Participants = 20_000;
    public const int Questionnaires = 4;
    public const int Items = 25;

    [ParamsSource(nameof(Providers))] public string Provider { get; set; } = DatabaseProvider.Sqlite;

    public static IEnumerable<string> Providers() =>
        Environment.GetEnvironmentVariable("UPWARD_BENCH_POSTGRES") is { Length: > 0 }
            ? [DatabaseProvider.Sqlite, DatabaseProvider.Postgres] : [DatabaseProvider.Sqlite];

    private DatabaseOptions _options = null!;
    private Guid _programmeId;
    private string? _sqliteFile;
    private string? _postgresDatabase;

    [GlobalSetup]
    public void Setup()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            var admin = Environment.GetEnvironmentVariable("UPWARD_BENCH_POSTGRES")!;
            _postgresDatabase = "upward_bench_" + Guid.NewGuid().ToString("N")[..8];
            using (var connection = new NpgsqlConnection(admin))
            {
                connection.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", connection);
                create.ExecuteNonQuery();
            }
            _options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = _postgresDatabase }.ConnectionString };
        }
        else
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"upward-bench-{Guid.NewGuid():N}.db");
            _options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={_sqliteFile}" };
        }
        using (var db = UpwardDbContextFactory.Create(_options))
        {
            DatabaseMigrator.MigrateAsync(db).GetAwaiter().GetResult();
        }
        _programmeId = Seed(_options);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_sqliteFile is not null)
        {
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" }) File.Delete(file);
        }
        if (_postgresDatabase is not null)
        {
            using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("UPWARD_BENCH_POSTGRES"));
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }

    [Benchmark]
    public EvaluationReport ReportFromDatabase()
    {
        using var db = UpwardDbContextFactory.Create(_options);
        var programme = db.Programmes.Include(p => p.Domains).AsNoTracking().Single(p => p.Id == _programmeId);
        var bundle = new BundleExport(db).BuildAsync(programme, default).GetAwaiter().GetResult();
        return EvaluationReport.Build(bundle);
    }

    /// <summary>Participants split between mentors and mentees; each side answers four questionnaires (one per stage) of 25 scored scales.</summary>
    private static Guid Seed(DatabaseOptions options)
    {
        var random = new Random(20_000);
        var organisation = new Upward.Core.Organisations.Organisation { Name = "Benchmark Trust" };
        var programme = Programme.FromTemplate(ProgrammeTemplate.ClinicalFeedback, organisation.Id, "Benchmark");
        Stage[] order = [Stage.BeforePhase1, Stage.AfterPhase1, Stage.BeforePhase2, Stage.AfterPhase2];
        var stages = new[] { ProgrammeRole.Mentor, ProgrammeRole.Mentee }.SelectMany(role => order.Select(stage => (role, stage))).ToArray();
        var waves = new List<(Wave Wave, Instrument Instrument)>();
        using (var db = UpwardDbContextFactory.Create(options))
        {
            db.Organisations.Add(organisation);
            db.Programmes.Add(programme);
            for (var q = 0; q < stages.Length; q++)
            {
                var instrument = new Instrument { ProgrammeId = programme.Id, Key = $"questionnaire_{q + 1}", Title = $"Questionnaire {q + 1}" };
                for (var i = 0; i < Items; i++)
                {
                    instrument.Items.Add(new InstrumentItem { InstrumentId = instrument.Id, Position = i + 1, Key = $"item_{i + 1}", Type = ItemType.Scale, Text = $"Item {i + 1}", ScoreName = $"score_{i % 5 + 1}_{i + 1}" });
                }
                var wave = new Wave { ProgrammeId = programme.Id, InstrumentId = instrument.Id, Audience = stages[q].Item1, Stage = stages[q].Item2 };
                db.Instruments.Add(instrument);
                db.Waves.Add(wave);
                waves.Add((wave, instrument));
            }
            db.SaveChanges();
        }

        const int batch = 500;
        for (var start = 0; start < Participants; start += batch)
        {
            using var db = UpwardDbContextFactory.Create(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var p = start; p < Math.Min(start + batch, Participants); p++)
            {
                var role = p % 2 == 0 ? ProgrammeRole.Mentor : ProgrammeRole.Mentee;
                var user = new UpwardUser { UserName = $"bench-{p}", NormalizedUserName = $"BENCH-{p}", DisplayName = $"Participant {p}", OrganisationId = organisation.Id, SecurityStamp = "bench" };
                db.Users.Add(user);
                var enrolment = new Enrolment { ProgrammeId = programme.Id, UserId = user.Id, Role = role, Status = EnrolmentStatus.Consented, ParticipantCode = ParticipantCode.For(role, p / 2 + 1) };
                db.Enrolments.Add(enrolment);
                db.ConsentDecisions.Add(new ConsentDecision { EnrolmentId = enrolment.Id, Purpose = ConsentPurpose.UseAnswersInEvaluation, Given = true, TextVersion = 1, DecidedAtUtc = DateTime.UtcNow });
                // Each participant answers the four questionnaires of their side: 20,000 × 4 × 25 = 2,000,000 answers.
                foreach (var (wave, instrument) in waves.Where(w => w.Wave.Audience == role))
                {
                    var response = new Response { WaveId = wave.Id, EnrolmentId = enrolment.Id, InstrumentId = instrument.Id, Status = ResponseStatus.Submitted, SubmittedAtUtc = DateTime.UtcNow };
                    db.Responses.Add(response);
                    foreach (var item in instrument.Items)
                    {
                        db.Answers.Add(new Answer { ResponseId = response.Id, ItemId = item.Id, Number = random.Next(1, 6) });
                    }
                }
            }
            db.SaveChanges();
        }
        return programme.Id;
    }
}

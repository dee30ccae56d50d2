using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Organisations;
using Upward.Core.People;
using Upward.Core.PhaseOne;
using Upward.Core.Sessions;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Themes;
using Upward.Data.Identity;

namespace Upward.Data;

/// <summary>
/// The one database of Upward. Each provider has a subclass only so that it can carry its own
/// migrations (SQLite and PostgreSQL differ in types); the model is defined here once.
/// </summary>
public abstract class UpwardDbContext(DbContextOptions options)
    : IdentityDbContext<UpwardUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationSignInSettings> OrganisationSignInSettings => Set<OrganisationSignInSettings>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<ProgrammeDomain> ProgrammeDomains => Set<ProgrammeDomain>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SetupToken> SetupTokens => Set<SetupToken>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<ConsentDecision> ConsentDecisions => Set<ConsentDecision>();
    public DbSet<Relationship> Relationships => Set<Relationship>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<Pairing> Pairings => Set<Pairing>();
    public DbSet<MentoringSession> MentoringSessions => Set<MentoringSession>();
    public DbSet<PrivateNote> PrivateNotes => Set<PrivateNote>();
    public DbSet<ActionPlanItem> ActionPlanItems => Set<ActionPlanItem>();
    public DbSet<Concern> Concerns => Set<Concern>();
    public DbSet<Core.Evaluation.StoredAnalysisPlan> AnalysisPlans => Set<Core.Evaluation.StoredAnalysisPlan>();
    public DbSet<Core.Designs.WaitlistAllocation> WaitlistAllocations => Set<Core.Designs.WaitlistAllocation>();
    public DbSet<Core.Designs.ArmAssignment> ArmAssignments => Set<Core.Designs.ArmAssignment>();
    public DbSet<Core.Designs.DepartmentAssignment> DepartmentAssignments => Set<Core.Designs.DepartmentAssignment>();
    public DbSet<Core.Designs.DesignStep> DesignSteps => Set<Core.Designs.DesignStep>();
    public DbSet<GroundRulesVersion> GroundRulesVersions => Set<GroundRulesVersion>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<PhaseOneSettings> PhaseOneSettings => Set<PhaseOneSettings>();
    public DbSet<Willingness> Willingness => Set<Willingness>();
    public DbSet<MentorDecline> MentorDeclines => Set<MentorDecline>();
    public DbSet<MentorWish> MentorWishes => Set<MentorWish>();
    public DbSet<GroupNote> GroupNotes => Set<GroupNote>();
    public DbSet<FeedbackBrief> FeedbackBriefs => Set<FeedbackBrief>();
    public DbSet<FeedbackBriefSection> FeedbackBriefSections => Set<FeedbackBriefSection>();
    public DbSet<AnonymousContribution> AnonymousContributions => Set<AnonymousContribution>();
    public DbSet<AnonymousContributor> AnonymousContributors => Set<AnonymousContributor>();
    public DbSet<PendingContribution> PendingContributions => Set<PendingContribution>();
    public DbSet<Core.Colleagues.ColleagueInvitation> ColleagueInvitations => Set<Core.Colleagues.ColleagueInvitation>();
    public DbSet<BriefNameConfirmation> BriefNameConfirmations => Set<BriefNameConfirmation>();
    public DbSet<Instrument> Instruments => Set<Instrument>();
    public DbSet<InstrumentItem> InstrumentItems => Set<InstrumentItem>();
    public DbSet<Wave> Waves => Set<Wave>();
    public DbSet<Response> Responses => Set<Response>();
    public DbSet<Answer> Answers => Set<Answer>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<Coding> Codings => Set<Coding>();
    public DbSet<CodingFinished> CodingsFinished => Set<CodingFinished>();
    public DbSet<AnswerRedaction> AnswerRedactions => Set<AnswerRedaction>();
    public DbSet<RepresentativeQuote> RepresentativeQuotes => Set<RepresentativeQuote>();
    public DbSet<Core.Timeline.TimelineEntry> TimelineEntries => Set<Core.Timeline.TimelineEntry>();
    public DbSet<Core.Notifications.Notification> Notifications => Set<Core.Notifications.Notification>();
    public DbSet<Core.Notifications.NotificationPreference> NotificationPreferences => Set<Core.Notifications.NotificationPreference>();
    public DbSet<Core.Notifications.NotificationText> NotificationTexts => Set<Core.Notifications.NotificationText>();
    public DbSet<Scheduling.SchedulerLease> SchedulerLeases => Set<Scheduling.SchedulerLease>();
    public DbSet<Identity.PasswordFailure> PasswordFailures => Set<Identity.PasswordFailure>();
    public DbSet<Core.Preparation.PreparationModule> PreparationModules => Set<Core.Preparation.PreparationModule>();
    public DbSet<Core.Preparation.ModuleCompletion> ModuleCompletions => Set<Core.Preparation.ModuleCompletion>();
    public DbSet<Core.Preparation.SelfAssessment> SelfAssessments => Set<Core.Preparation.SelfAssessment>();
    public DbSet<Core.Preparation.Attendance> Attendances => Set<Core.Preparation.Attendance>();
    public DbSet<Core.Preparation.PreparationSettings> PreparationSettings => Set<Core.Preparation.PreparationSettings>();
    public DbSet<Core.Preparation.ExpenseClaim> ExpenseClaims => Set<Core.Preparation.ExpenseClaim>();
    public DbSet<Core.Recognition.Certificate> Certificates => Set<Core.Recognition.Certificate>();
    public DbSet<Core.Appraisal.ReflectiveSummary> ReflectiveSummaries => Set<Core.Appraisal.ReflectiveSummary>();

    /// <summary>
    /// The web app's general Data Protection key ring (sign-in and antiforgery cookies, unsubscribe and
    /// reset links), here so that every instance reads the same keys. Never the sealing keys of pending
    /// ballots and stored secrets: those stay outside the database (Upward.Web/Startup/DataProtectionRegistration.cs).
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Passkeys: the table of Identity's schema version 3, declared here because Identity picks its
        // schema version from the app's services, which the design-time and command-line contexts do
        // not have; so the model (and its migrations) is the same wherever the context is built.
        builder.Entity<IdentityUserPasskey<Guid>>(b =>
        {
            b.HasKey(p => p.CredentialId);
            b.ToTable("AspNetUserPasskeys");
            b.Property(p => p.CredentialId).HasMaxLength(1024);
            b.OwnsOne(p => p.Data).ToJson();
        });
        builder.Entity<UpwardUser>().HasMany<IdentityUserPasskey<Guid>>().WithOne().HasForeignKey(p => p.UserId).IsRequired();
        builder.ApplyConfigurationsFromAssembly(typeof(UpwardDbContext).Assembly);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction. Pair it with <see cref="LockAsync{TEntity}"/> on
    /// the row that owns what is about to be read and written (a pairing, a programme), and re-read
    /// inside: a second request doing the same waits, then sees the first one's result.
    /// </summary>
    public virtual async Task<T> WriteAtomicallyAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await work(ct);
        }
        await using var transaction = await Database.BeginTransactionAsync(ct);
        var result = await work(ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// The collation that compares text by its bytes (code point order), the order .NET's ordinal comparison gives:
    /// a list ordered in SQL under it agrees with one ordered in memory, whatever the PostgreSQL server's locale.
    /// </summary>
    public abstract string OrdinalCollation { get; }

    /// <summary>
    /// Inside <see cref="WriteAtomicallyAsync{T}"/>: holds the row with this id until the transaction
    /// ends, so that requests writing beneath it take turns. SQLite needs nothing more: its one
    /// writer already holds the whole database for the transaction.
    /// </summary>
    public virtual Task LockAsync<TEntity>(Guid id, CancellationToken ct) where TEntity : class => Task.CompletedTask;

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Every DateTime is UTC; say so when reading back, since SQLite stores no kind.
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        builder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }
}

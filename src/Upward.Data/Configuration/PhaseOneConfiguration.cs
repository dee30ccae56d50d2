using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upward.Core.PhaseOne;
using Upward.Core.Programmes;

namespace Upward.Data.Configuration;

internal sealed class PhaseOneSettingsConfiguration : IEntityTypeConfiguration<PhaseOneSettings>
{
    public void Configure(EntityTypeBuilder<PhaseOneSettings> entity)
    {
        entity.HasKey(s => s.ProgrammeId);
        entity.HasOne<Programme>().WithOne().HasForeignKey<PhaseOneSettings>(s => s.ProgrammeId);
    }
}

internal sealed class WillingnessConfiguration : IEntityTypeConfiguration<Willingness>
{
    public void Configure(EntityTypeBuilder<Willingness> entity)
    {
        entity.ToTable("Willingness");
        entity.Property(w => w.PrivateReason).HasMaxLength(1000);
        entity.HasOne<Programme>().WithMany().HasForeignKey(w => w.ProgrammeId);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(w => w.MentorEnrolmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(w => w.MenteeEnrolmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(w => new { w.MentorEnrolmentId, w.MenteeEnrolmentId }).IsUnique();
        entity.HasIndex(w => w.ProgrammeId);
    }
}

internal sealed class MentorDeclineConfiguration : IEntityTypeConfiguration<MentorDecline>
{
    public void Configure(EntityTypeBuilder<MentorDecline> entity)
    {
        entity.HasOne<Programme>().WithMany().HasForeignKey(d => d.ProgrammeId);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(d => d.MenteeEnrolmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(d => d.MentorEnrolmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(d => new { d.MenteeEnrolmentId, d.MentorEnrolmentId }).IsUnique();
    }
}

internal sealed class MentorWishConfiguration : IEntityTypeConfiguration<MentorWish>
{
    public void Configure(EntityTypeBuilder<MentorWish> entity)
    {
        entity.HasOne<Programme>().WithMany().HasForeignKey(w => w.ProgrammeId);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(w => w.MenteeEnrolmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(w => w.MentorEnrolmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(w => new { w.MenteeEnrolmentId, w.MentorEnrolmentId }).IsUnique();
    }
}

internal sealed class GroupNoteConfiguration : IEntityTypeConfiguration<GroupNote>
{
    public void Configure(EntityTypeBuilder<GroupNote> entity)
    {
        entity.Property(n => n.Points).HasMaxLength(4000);
        entity.HasOne<Programme>().WithMany().HasForeignKey(n => n.ProgrammeId);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(n => n.MenteeEnrolmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<ProgrammeDomain>().WithMany().HasForeignKey(n => n.DomainId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(n => new { n.MenteeEnrolmentId, n.DomainId }).IsUnique();
    }
}

internal sealed class FeedbackBriefConfiguration : IEntityTypeConfiguration<FeedbackBrief>
{
    public void Configure(EntityTypeBuilder<FeedbackBrief> entity)
    {
        entity.HasOne<Programme>().WithMany().HasForeignKey(b => b.ProgrammeId);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(b => b.MenteeEnrolmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(b => b.AllocatedMentorEnrolmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(b => b.Sections).WithOne().HasForeignKey(s => s.BriefId);
        entity.Ignore(b => b.IsReleasedToMentee);
        entity.Ignore(b => b.IsEditable);
        // One brief per mentee: the group's voice, not one of several versions.
        entity.HasIndex(b => b.MenteeEnrolmentId).IsUnique();
    }
}

internal sealed class FeedbackBriefSectionConfiguration : IEntityTypeConfiguration<FeedbackBriefSection>
{
    public void Configure(EntityTypeBuilder<FeedbackBriefSection> entity)
    {
        entity.Property(s => s.Text).HasMaxLength(8000);
        entity.Property(s => s.Rating).HasMaxLength(200);
        entity.HasOne<ProgrammeDomain>().WithMany().HasForeignKey(s => s.DomainId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(s => new { s.BriefId, s.DomainId }).IsUnique();
    }
}

internal sealed class BriefNameConfirmationConfiguration : IEntityTypeConfiguration<BriefNameConfirmation>
{
    public void Configure(EntityTypeBuilder<BriefNameConfirmation> entity)
    {
        entity.Property(c => c.Phrase).HasMaxLength(BriefNameConfirmation.PhraseLimit);
        entity.HasOne<FeedbackBrief>().WithMany().HasForeignKey(c => c.BriefId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(c => new { c.BriefId, c.Phrase }).IsUnique();
    }
}

/// <summary>
/// Sealed ballots: a random id, the mentee, and ciphertext of one fixed length. On SQLite the table is
/// WITHOUT ROWID (raw SQL in the Initial migration), like the two below, so no hidden rowid counts
/// submissions.
/// </summary>
internal sealed class PendingContributionConfiguration : IEntityTypeConfiguration<PendingContribution>
{
    public void Configure(EntityTypeBuilder<PendingContribution> entity)
    {
        entity.Property(c => c.Id).ValueGeneratedNever();
        entity.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(c => c.MenteeEnrolmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(c => c.MenteeEnrolmentId);
    }
}

/// <summary>
/// Contributions carry no author and no time. The id is a random (version 4) Guid set by Core and
/// never generated here, so it cannot follow insertion order the way an identity or a version 7
/// Guid would.
/// </summary>
internal sealed class AnonymousContributionConfiguration : IEntityTypeConfiguration<AnonymousContribution>
{
    public void Configure(EntityTypeBuilder<AnonymousContribution> entity)
    {
        entity.Property(c => c.Id).ValueGeneratedNever();
        entity.Property(c => c.Text).HasMaxLength(4000);
        entity.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(c => c.MenteeEnrolmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<ProgrammeDomain>().WithMany().HasForeignKey(c => c.DomainId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(c => c.MenteeEnrolmentId);
    }
}

internal sealed class AnonymousContributorConfiguration : IEntityTypeConfiguration<AnonymousContributor>
{
    public void Configure(EntityTypeBuilder<AnonymousContributor> entity)
    {
        entity.Property(c => c.Id).ValueGeneratedNever();
        entity.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(c => c.MentorEnrolmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(c => c.MenteeEnrolmentId).OnDelete(DeleteBehavior.Restrict);
        // Once per mentor per mentee, so nobody can reach the threshold alone.
        entity.HasIndex(c => new { c.MenteeEnrolmentId, c.MentorEnrolmentId }).IsUnique();
    }
}

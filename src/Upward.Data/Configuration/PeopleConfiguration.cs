using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upward.Core.People;
using Upward.Core.Programmes;

namespace Upward.Data.Configuration;

internal static class DemographicColumns
{
    /// <summary>Demographic bands live in columns of their owner's table, each a short string.</summary>
    public static void Configure<TOwner>(OwnedNavigationBuilder<TOwner, DemographicBands> bands) where TOwner : class
    {
        bands.Property(b => b.Gender).HasMaxLength(40).HasColumnName("Gender");
        bands.Property(b => b.AgeBand).HasMaxLength(40).HasColumnName("AgeBand");
        bands.Property(b => b.StaffGroup).HasMaxLength(60).HasColumnName("StaffGroup");
        bands.Property(b => b.Grade).HasMaxLength(60).HasColumnName("Grade");
        bands.Property(b => b.YearsInRole).HasMaxLength(40).HasColumnName("YearsInRole");
        bands.Property(b => b.PriorMentoring).HasMaxLength(40).HasColumnName("PriorMentoring");
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> entity)
    {
        entity.Property(i => i.Email).HasMaxLength(EmailAddress.MaxLength);
        entity.Property(i => i.Name).HasMaxLength(200);
        entity.Property(i => i.TokenHash).HasMaxLength(64);
        entity.HasIndex(i => i.TokenHash).IsUnique();
        entity.HasIndex(i => new { i.ProgrammeId, i.Email, i.Role });
        entity.HasOne<Programme>().WithMany().HasForeignKey(i => i.ProgrammeId);
        entity.OwnsOne(i => i.Demographics, DemographicColumns.Configure).Navigation(i => i.Demographics).IsRequired();
    }
}

internal sealed class ConsentDecisionConfiguration : IEntityTypeConfiguration<ConsentDecision>
{
    public void Configure(EntityTypeBuilder<ConsentDecision> entity)
    {
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(c => c.EnrolmentId);
        entity.HasIndex(c => new { c.EnrolmentId, c.Purpose, c.DecidedAtUtc });
    }
}

internal sealed class RelationshipConfiguration : IEntityTypeConfiguration<Relationship>
{
    public void Configure(EntityTypeBuilder<Relationship> entity)
    {
        entity.HasOne<Programme>().WithMany().HasForeignKey(r => r.ProgrammeId);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(r => r.MentorEnrolmentId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(r => r.MenteeEnrolmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(r => new { r.ProgrammeId, r.MentorEnrolmentId, r.MenteeEnrolmentId, r.Kind }).IsUnique();
    }
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> entity)
    {
        entity.Property(a => a.Name).HasMaxLength(200);
        entity.Property(a => a.Email).HasMaxLength(EmailAddress.MaxLength);
        entity.Property(a => a.Statement).HasMaxLength(Application.StatementMaxLength);
        entity.HasOne<Programme>().WithMany().HasForeignKey(a => a.ProgrammeId);
        entity.HasIndex(a => new { a.ProgrammeId, a.Status });
    }
}

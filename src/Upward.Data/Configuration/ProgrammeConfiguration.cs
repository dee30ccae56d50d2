using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upward.Core.Organisations;
using Upward.Core.Programmes;
using Upward.Data.Identity;

namespace Upward.Data.Configuration;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> entity)
    {
        entity.Property(p => p.Name).HasMaxLength(200);
        entity.Property(p => p.TimeZone).HasMaxLength(64);
        entity.Property(p => p.EthicsReference).HasMaxLength(100);
        entity.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(p => p.Domains).WithOne().HasForeignKey(d => d.ProgrammeId);
        entity.HasMany(p => p.Enrolments).WithOne().HasForeignKey(e => e.ProgrammeId);
        entity.HasIndex(p => p.OrganisationId);
    }
}

internal sealed class ProgrammeDomainConfiguration : IEntityTypeConfiguration<ProgrammeDomain>
{
    public void Configure(EntityTypeBuilder<ProgrammeDomain> entity)
    {
        entity.Property(d => d.Name).HasMaxLength(120);
        entity.HasIndex(d => new { d.ProgrammeId, d.Position });
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> entity)
    {
        entity.Property(e => e.ParticipantCode).HasMaxLength(16);
        entity.Property(e => e.Department).HasMaxLength(ProgrammeLists.MaxLength);
        entity.Property(e => e.Specialty).HasMaxLength(ProgrammeLists.MaxLength);
        entity.HasOne<UpwardUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        // One role per person per programme: a registrar who mentors here is mentored elsewhere.
        entity.HasIndex(e => new { e.ProgrammeId, e.UserId, e.Role }).IsUnique();
        entity.HasIndex(e => new { e.ProgrammeId, e.ParticipantCode }).IsUnique();
        entity.OwnsOne(e => e.Demographics, DemographicColumns.Configure).Navigation(e => e.Demographics).IsRequired();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;

namespace Upward.Data.Configuration;

internal sealed class InstrumentConfiguration : IEntityTypeConfiguration<Instrument>
{
    public void Configure(EntityTypeBuilder<Instrument> entity)
    {
        entity.Property(i => i.Key).HasMaxLength(80);
        entity.Property(i => i.Title).HasMaxLength(200);
        entity.Property(i => i.Introduction).HasMaxLength(2000);
        entity.HasOne<Programme>().WithMany().HasForeignKey(i => i.ProgrammeId);
        entity.HasMany(i => i.Items).WithOne().HasForeignKey(i => i.InstrumentId);
        entity.HasIndex(i => new { i.ProgrammeId, i.Key, i.Version }).IsUnique();
    }
}

internal sealed class InstrumentItemConfiguration : IEntityTypeConfiguration<InstrumentItem>
{
    public void Configure(EntityTypeBuilder<InstrumentItem> entity)
    {
        entity.Property(i => i.Key).HasMaxLength(80);
        entity.Property(i => i.Text).HasMaxLength(500);
        entity.Property(i => i.Hint).HasMaxLength(500);
        entity.Property(i => i.LowLabel).HasMaxLength(80);
        entity.Property(i => i.HighLabel).HasMaxLength(80);
        entity.Property(i => i.Unit).HasMaxLength(40);
        entity.Property(i => i.FollowUpText).HasMaxLength(500);
        entity.Property(i => i.ScoreName).HasMaxLength(80);
        entity.Ignore(i => i.PerDomain);
        entity.HasIndex(i => new { i.InstrumentId, i.Key }).IsUnique();
    }
}

internal sealed class WaveConfiguration : IEntityTypeConfiguration<Wave>
{
    public void Configure(EntityTypeBuilder<Wave> entity)
    {
        entity.HasOne<Programme>().WithMany().HasForeignKey(w => w.ProgrammeId);
        entity.HasOne<Instrument>().WithMany().HasForeignKey(w => w.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        // One questionnaire per audience per stage, so "before" and "after" are never ambiguous.
        entity.HasIndex(w => new { w.ProgrammeId, w.Audience, w.Stage }).IsUnique();
    }
}

internal sealed class ResponseConfiguration : IEntityTypeConfiguration<Response>
{
    public void Configure(EntityTypeBuilder<Response> entity)
    {
        entity.HasOne<Wave>().WithMany().HasForeignKey(r => r.WaveId);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(r => r.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Instrument>().WithMany().HasForeignKey(r => r.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        // One response per participant per wave: the database, not the page, stops a second one.
        entity.HasIndex(r => new { r.WaveId, r.EnrolmentId }).IsUnique();
        entity.HasIndex(r => r.EnrolmentId);
        // Saving a page updates its response only while it is still a draft, in the same
        // transaction as the answers: a save racing the submission fails whole, so sent answers stay final.
        entity.Property(r => r.Status).IsConcurrencyToken();
    }
}

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> entity)
    {
        entity.Property(a => a.Text).HasMaxLength(4000);
        entity.HasOne<Response>().WithMany().HasForeignKey(a => a.ResponseId);
        entity.HasOne<InstrumentItem>().WithMany().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Restrict);
        // No foreign key to the domain: Guid.Empty stands for "the whole item" (see Answer.DomainId).
        entity.Ignore(a => a.IsDomainRating);
        entity.HasIndex(a => new { a.ResponseId, a.ItemId, a.DomainId }).IsUnique();
    }
}

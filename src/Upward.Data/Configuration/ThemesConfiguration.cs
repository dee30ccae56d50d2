using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Themes;

namespace Upward.Data.Configuration;

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> entity)
    {
        entity.Property(t => t.Name).HasMaxLength(120);
        entity.Property(t => t.Definition).HasMaxLength(2000);
        entity.HasOne<Programme>().WithMany().HasForeignKey(t => t.ProgrammeId);
        // A parent is removed only by a merge, which moves the children first.
        entity.HasOne<Theme>().WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        // One name per codebook, so a table row is never ambiguous.
        entity.HasIndex(t => new { t.ProgrammeId, t.Name }).IsUnique();
    }
}

internal sealed class CodingConfiguration : IEntityTypeConfiguration<Coding>
{
    public void Configure(EntityTypeBuilder<Coding> entity)
    {
        entity.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        // Erasing an answer (a withdrawal with erasure) takes its codings with it.
        entity.HasOne<Answer>().WithMany().HasForeignKey(c => c.AnswerId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Theme>().WithMany().HasForeignKey(c => c.ThemeId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(c => c.CoderEnrolmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(c => new { c.AnswerId, c.CoderEnrolmentId });
        entity.HasIndex(c => c.ThemeId);
    }
}

internal sealed class CodingFinishedConfiguration : IEntityTypeConfiguration<CodingFinished>
{
    public void Configure(EntityTypeBuilder<CodingFinished> entity)
    {
        entity.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Answer>().WithMany().HasForeignKey(c => c.AnswerId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(c => c.CoderEnrolmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(c => new { c.AnswerId, c.CoderEnrolmentId }).IsUnique();
    }
}

internal sealed class AnswerRedactionConfiguration : IEntityTypeConfiguration<AnswerRedaction>
{
    public void Configure(EntityTypeBuilder<AnswerRedaction> entity)
    {
        entity.HasKey(r => r.AnswerId);
        entity.Property(r => r.RedactedText).HasMaxLength(4000);
        entity.HasOne<Answer>().WithMany().HasForeignKey(r => r.AnswerId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Programme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(r => r.RedactedByEnrolmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RepresentativeQuoteConfiguration : IEntityTypeConfiguration<RepresentativeQuote>
{
    public void Configure(EntityTypeBuilder<RepresentativeQuote> entity)
    {
        entity.HasKey(q => q.ThemeId);
        entity.HasOne<Theme>().WithMany().HasForeignKey(q => q.ThemeId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Answer>().WithMany().HasForeignKey(q => q.AnswerId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<Programme>().WithMany().HasForeignKey(q => q.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
    }
}

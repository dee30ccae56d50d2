using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upward.Core.Appraisal;
using Upward.Core.Preparation;
using Upward.Core.Programmes;
using Upward.Core.Recognition;

namespace Upward.Data.Configuration;

internal sealed class PreparationModuleConfiguration : IEntityTypeConfiguration<PreparationModule>
{
    public void Configure(EntityTypeBuilder<PreparationModule> entity)
    {
        entity.Property(m => m.Key).HasMaxLength(PreparationModule.KeyMaxLength);
        entity.Property(m => m.Markdown).HasMaxLength(ModuleText.MaxLength);
        entity.HasOne<Programme>().WithMany().HasForeignKey(m => m.ProgrammeId);
        // Two coordinators saving at once aim at the same next version: one wins, the other gets the 409 page.
        entity.HasIndex(m => new { m.ProgrammeId, m.Key, m.Version }).IsUnique();
    }
}

internal sealed class ModuleCompletionConfiguration : IEntityTypeConfiguration<ModuleCompletion>
{
    public void Configure(EntityTypeBuilder<ModuleCompletion> entity)
    {
        entity.Property(c => c.ModuleKey).HasMaxLength(PreparationModule.KeyMaxLength);
        entity.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(c => c.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(c => new { c.EnrolmentId, c.ModuleKey }).IsUnique();
    }
}

internal sealed class SelfAssessmentConfiguration : IEntityTypeConfiguration<SelfAssessment>
{
    public void Configure(EntityTypeBuilder<SelfAssessment> entity)
    {
        entity.HasKey(s => s.EnrolmentId);
        entity.Property(s => s.HelpWanted).HasMaxLength(SelfAssessment.HelpWantedMaxLength);
        entity.HasOne<Programme>().WithMany().HasForeignKey(s => s.ProgrammeId);
        entity.HasOne<Enrolment>().WithOne().HasForeignKey<SelfAssessment>(s => s.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> entity)
    {
        entity.ToTable("Attendances");
        entity.HasOne<Programme>().WithMany().HasForeignKey(a => a.ProgrammeId);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(a => a.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(a => new { a.EnrolmentId, a.Kind, a.HeldOn }).IsUnique();
    }
}

internal sealed class PreparationSettingsConfiguration : IEntityTypeConfiguration<PreparationSettings>
{
    public void Configure(EntityTypeBuilder<PreparationSettings> entity)
    {
        entity.HasKey(s => s.ProgrammeId);
        entity.Property(s => s.SafeguardingContact).HasMaxLength(PreparationSettings.SafeguardingContactMaxLength);
        entity.HasOne<Programme>().WithOne().HasForeignKey<PreparationSettings>(s => s.ProgrammeId);
    }
}

internal sealed class ExpenseClaimConfiguration : IEntityTypeConfiguration<ExpenseClaim>
{
    public void Configure(EntityTypeBuilder<ExpenseClaim> entity)
    {
        entity.Property(c => c.Purpose).HasMaxLength(ExpenseClaim.PurposeMaxLength);
        entity.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(c => c.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(c => new { c.ProgrammeId, c.Status });
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> entity)
    {
        entity.Property(c => c.Code).HasMaxLength(Certificate.CodeLength);
        entity.Property(c => c.Name).HasMaxLength(200);
        entity.HasIndex(c => c.Code).IsUnique();
        // One certificate per mentor and programme: asking again gives the same one back.
        entity.HasIndex(c => c.EnrolmentId).IsUnique();
        entity.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(c => c.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReflectiveSummaryConfiguration : IEntityTypeConfiguration<ReflectiveSummary>
{
    public void Configure(EntityTypeBuilder<ReflectiveSummary> entity)
    {
        entity.HasKey(s => s.EnrolmentId);
        entity.Property(s => s.WhatIHeard).HasMaxLength(ReflectiveSummary.FieldMaxLength);
        entity.Property(s => s.WhatIWillChange).HasMaxLength(ReflectiveSummary.FieldMaxLength);
        entity.Property(s => s.ActionPlan).HasMaxLength(ReflectiveSummary.FieldMaxLength);
        entity.HasOne<Programme>().WithMany().HasForeignKey(s => s.ProgrammeId);
        entity.HasOne<Enrolment>().WithOne().HasForeignKey<ReflectiveSummary>(s => s.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

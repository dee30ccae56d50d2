using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upward.Core.Programmes;
using Upward.Core.Sessions;

namespace Upward.Data.Configuration;

internal sealed class PairingConfiguration : IEntityTypeConfiguration<Pairing>
{
    public void Configure(EntityTypeBuilder<Pairing> entity)
    {
        entity.Property(p => p.Reason).HasMaxLength(Pairing.ReasonMaxLength);
        entity.HasOne<Programme>().WithMany().HasForeignKey(p => p.ProgrammeId);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(p => p.MentorEnrolmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(p => p.MenteeEnrolmentId).OnDelete(DeleteBehavior.Restrict);
        entity.HasIndex(p => new { p.ProgrammeId, p.Status });
    }
}

internal sealed class MentoringSessionConfiguration : IEntityTypeConfiguration<MentoringSession>
{
    public void Configure(EntityTypeBuilder<MentoringSession> entity)
    {
        entity.Property(s => s.Place).HasMaxLength(500);
        entity.Property(s => s.OverTimeReason).HasMaxLength(SessionRules.OverTimeReasonMaxLength);
        entity.HasOne<Pairing>().WithMany().HasForeignKey(s => s.PairingId);
        entity.HasIndex(s => new { s.PairingId, s.Number }).IsUnique();
    }
}

internal sealed class PrivateNoteConfiguration : IEntityTypeConfiguration<PrivateNote>
{
    public void Configure(EntityTypeBuilder<PrivateNote> entity)
    {
        entity.Property(n => n.Text).HasMaxLength(10000);
        entity.HasOne<Pairing>().WithMany().HasForeignKey(n => n.PairingId);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(n => n.AuthorEnrolmentId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(n => new { n.AuthorEnrolmentId, n.PairingId });
    }
}

internal sealed class ActionPlanItemConfiguration : IEntityTypeConfiguration<ActionPlanItem>
{
    public void Configure(EntityTypeBuilder<ActionPlanItem> entity)
    {
        entity.Property(a => a.Action).HasMaxLength(1000);
        entity.HasOne<Pairing>().WithMany().HasForeignKey(a => a.PairingId);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(a => a.MenteeEnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConcernConfiguration : IEntityTypeConfiguration<Concern>
{
    public void Configure(EntityTypeBuilder<Concern> entity)
    {
        entity.Property(c => c.Text).HasMaxLength(Concern.TextMaxLength);
        entity.Property(c => c.Response).HasMaxLength(Concern.TextMaxLength);
        entity.Ignore(c => c.Status);
        entity.HasOne<Programme>().WithMany().HasForeignKey(c => c.ProgrammeId);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(c => c.RaisedByEnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

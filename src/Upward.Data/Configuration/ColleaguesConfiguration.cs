using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upward.Core.Colleagues;
using Upward.Core.Programmes;

namespace Upward.Data.Configuration;

internal sealed class ColleagueInvitationConfiguration : IEntityTypeConfiguration<ColleagueInvitation>
{
    public void Configure(EntityTypeBuilder<ColleagueInvitation> entity)
    {
        entity.Property(i => i.Id).ValueGeneratedNever();
        entity.Property(i => i.Email).HasMaxLength(ColleagueInvitation.EmailMaxLength);
        entity.Property(i => i.ColleagueName).HasMaxLength(ColleagueInvitation.NameMaxLength);
        entity.Property(i => i.WorkingRelationship).HasMaxLength(ColleagueInvitation.WorkingRelationshipMaxLength);
        // Null until the link is sent; NULLs do not collide in a unique index on either database.
        entity.Property(i => i.TokenHash).HasMaxLength(64);
        entity.HasOne<Programme>().WithMany().HasForeignKey(i => i.ProgrammeId);
        entity.HasOne<Enrolment>().WithMany().HasForeignKey(i => i.MenteeEnrolmentId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(i => i.TokenHash).IsUnique();
        // One invitation per address per mentee: one colleague must never count twice towards k.
        entity.HasIndex(i => new { i.MenteeEnrolmentId, i.Email }).IsUnique();
        // The coordinator's list of requests awaiting approval.
        entity.HasIndex(i => new { i.ProgrammeId, i.Status });
    }
}

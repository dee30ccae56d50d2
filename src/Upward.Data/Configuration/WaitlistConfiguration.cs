using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upward.Core.Designs;
using Upward.Core.Programmes;

namespace Upward.Data.Configuration;

internal sealed class WaitlistAllocationConfiguration : IEntityTypeConfiguration<WaitlistAllocation>
{
    public void Configure(EntityTypeBuilder<WaitlistAllocation> entity)
    {
        entity.ToTable("WaitlistAllocations");
        // One randomisation a programme: the key makes a second, racing one fail rather than redraw.
        entity.HasKey(a => a.ProgrammeId);
        entity.Ignore(a => a.IsReleased);
        entity.HasOne<Programme>().WithOne().HasForeignKey<WaitlistAllocation>(a => a.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArmAssignmentConfiguration : IEntityTypeConfiguration<ArmAssignment>
{
    public void Configure(EntityTypeBuilder<ArmAssignment> entity)
    {
        entity.ToTable("ArmAssignments");
        // One arm a mentee.
        entity.HasKey(a => a.EnrolmentId);
        entity.HasIndex(a => a.ProgrammeId);
        entity.HasOne<Enrolment>().WithOne().HasForeignKey<ArmAssignment>(a => a.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<WaitlistAllocation>().WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

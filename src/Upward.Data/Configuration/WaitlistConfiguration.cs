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
        entity.Ignore(a => a.IsSteppedWedge);
        entity.Property(a => a.Design).HasMaxLength(40);
        entity.HasOne<Programme>().WithOne().HasForeignKey<WaitlistAllocation>(a => a.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArmAssignmentConfiguration : IEntityTypeConfiguration<ArmAssignment>
{
    public void Configure(EntityTypeBuilder<ArmAssignment> entity)
    {
        entity.ToTable("ArmAssignments");
        // One arm or step a mentee; the arm follows from the step.
        entity.HasKey(a => a.EnrolmentId);
        entity.Ignore(a => a.Arm);
        entity.HasIndex(a => a.ProgrammeId);
        entity.HasOne<Enrolment>().WithOne().HasForeignKey<ArmAssignment>(a => a.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
        entity.HasOne<WaitlistAllocation>().WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DepartmentAssignmentConfiguration : IEntityTypeConfiguration<DepartmentAssignment>
{
    public void Configure(EntityTypeBuilder<DepartmentAssignment> entity)
    {
        entity.ToTable("DepartmentAssignments");
        // One step (or arm) a department of a programme.
        entity.HasKey(a => new { a.ProgrammeId, a.Department });
        entity.Property(a => a.Department).HasMaxLength(ProgrammeLists.MaxLength);
        entity.HasOne<WaitlistAllocation>().WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DesignStepConfiguration : IEntityTypeConfiguration<DesignStep>
{
    public void Configure(EntityTypeBuilder<DesignStep> entity)
    {
        entity.ToTable("DesignSteps");
        entity.HasKey(s => new { s.ProgrammeId, s.Number });
        entity.Property(s => s.StartedBy).HasMaxLength(20);
        entity.HasOne<WaitlistAllocation>().WithMany().HasForeignKey(s => s.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upward.Data.Scheduling;

namespace Upward.Data.Configuration;

internal sealed class SchedulerLeaseConfiguration : IEntityTypeConfiguration<SchedulerLease>
{
    public void Configure(EntityTypeBuilder<SchedulerLease> entity)
    {
        entity.HasKey(l => l.Job);
        entity.Property(l => l.Job).HasMaxLength(100);
        entity.Property(l => l.Holder).HasMaxLength(200);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upward.Core.Auditing;

namespace Upward.Data.Configuration;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entity)
    {
        entity.Property(a => a.Action).HasMaxLength(64);
        entity.Property(a => a.Subject).HasMaxLength(100);
        entity.Property(a => a.Detail).HasMaxLength(AuditEntry.DetailLimit);
        entity.HasIndex(a => new { a.OrganisationId, a.AtUtc });
    }
}

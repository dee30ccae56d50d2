using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upward.Core.Organisations;

namespace Upward.Data.Configuration;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> entity)
    {
        entity.Property(o => o.Name).HasMaxLength(200);
        entity.Property(o => o.TimeZone).HasMaxLength(64);
    }
}

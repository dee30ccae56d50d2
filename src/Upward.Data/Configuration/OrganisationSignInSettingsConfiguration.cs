using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upward.Core.Organisations;

namespace Upward.Data.Configuration;

internal sealed class OrganisationSignInSettingsConfiguration : IEntityTypeConfiguration<OrganisationSignInSettings>
{
    public void Configure(EntityTypeBuilder<OrganisationSignInSettings> entity)
    {
        entity.HasKey(s => s.OrganisationId);
        entity.HasOne<Organisation>().WithOne().HasForeignKey<OrganisationSignInSettings>(s => s.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        entity.Property(s => s.ProviderName).HasMaxLength(100);
        entity.Property(s => s.Issuer).HasMaxLength(500);
        entity.Property(s => s.ClientId).HasMaxLength(200);
        entity.Property(s => s.ProtectedClientSecret).HasMaxLength(4000);
        entity.Property(s => s.AllowedEmailDomains).HasMaxLength(2000);
        entity.Ignore(s => s.Domains);
    }
}

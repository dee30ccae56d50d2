using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upward.Core.Organisations;
using Upward.Data.Identity;

namespace Upward.Data.Configuration;

internal sealed class UserConfiguration : IEntityTypeConfiguration<UpwardUser>
{
    public void Configure(EntityTypeBuilder<UpwardUser> entity)
    {
        entity.Property(u => u.DisplayName).HasMaxLength(200);
        entity.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SetupTokenConfiguration : IEntityTypeConfiguration<SetupToken>
{
    public void Configure(EntityTypeBuilder<SetupToken> entity)
    {
        entity.Property(t => t.TokenHash).HasMaxLength(64);
        entity.HasIndex(t => t.TokenHash).IsUnique();
    }
}

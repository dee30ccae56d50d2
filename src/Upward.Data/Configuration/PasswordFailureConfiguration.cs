using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upward.Data.Identity;

namespace Upward.Data.Configuration;

internal sealed class PasswordFailureConfiguration : IEntityTypeConfiguration<PasswordFailure>
{
    public void Configure(EntityTypeBuilder<PasswordFailure> entity)
    {
        entity.HasKey(f => f.Id);
        entity.Property(f => f.AccountKey).HasMaxLength(64);
        entity.Property(f => f.AddressKey).HasMaxLength(64);
        // Both counts are "this account since the window began", one of them narrowed to an address.
        entity.HasIndex(f => new { f.AccountKey, f.AtUtc });
        entity.HasIndex(f => f.AtUtc);
    }
}

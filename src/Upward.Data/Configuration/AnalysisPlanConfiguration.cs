using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upward.Core.Evaluation;
using Upward.Core.Programmes;

namespace Upward.Data.Configuration;

internal sealed class AnalysisPlanConfiguration : IEntityTypeConfiguration<StoredAnalysisPlan>
{
    public void Configure(EntityTypeBuilder<StoredAnalysisPlan> entity)
    {
        entity.ToTable("AnalysisPlans");
        // One plan a programme.
        entity.HasKey(p => p.ProgrammeId);
        entity.Property(p => p.Json).HasMaxLength(StoredAnalysisPlan.JsonMaxLength);
        entity.HasOne<Programme>().WithOne().HasForeignKey<StoredAnalysisPlan>(p => p.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Upward.Core.Notifications;
using Upward.Core.Programmes;
using Upward.Core.Timeline;
using Upward.Data.Identity;

namespace Upward.Data.Configuration;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> entity)
    {
        entity.Property(n => n.Key).HasMaxLength(Notification.KeyLimit);
        entity.Property(n => n.Subject).HasMaxLength(300);
        entity.Property(n => n.Body).HasMaxLength(20000);
        entity.Property(n => n.Link).HasMaxLength(500);
        // The one guard against sending a message twice: whoever finds it due second adds nothing.
        entity.HasIndex(n => n.Key).IsUnique();
        entity.HasOne<UpwardUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        entity.HasIndex(n => new { n.UserId, n.CreatedAtUtc });
        // The header's "n new" on every page: counted from the index alone, however many a person has read.
        entity.HasIndex(n => new { n.UserId, n.ReadAtUtc });
        // The sender's question: what is pending and due?
        entity.HasIndex(n => new { n.EmailStatus, n.EmailDueAtUtc });
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> entity)
    {
        entity.HasKey(p => new { p.UserId, p.Kind });
        entity.HasOne<UpwardUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationTextConfiguration : IEntityTypeConfiguration<NotificationText>
{
    public void Configure(EntityTypeBuilder<NotificationText> entity)
    {
        entity.HasKey(t => new { t.ProgrammeId, t.Kind });
        entity.Property(t => t.Subject).HasMaxLength(NotificationText.SubjectLimit);
        entity.Property(t => t.Body).HasMaxLength(NotificationText.BodyLimit);
        entity.HasOne<Programme>().WithMany().HasForeignKey(t => t.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> entity)
    {
        entity.HasKey(t => new { t.ProgrammeId, t.Step });
        entity.HasOne<Programme>().WithMany().HasForeignKey(t => t.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

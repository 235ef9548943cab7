using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DigitalTwin.Core.Alerts;

/// <summary>The alert tables of the EF Core model.</summary>
internal static class AlertModel
{
    // Unix milliseconds: SQLite cannot compare or order DateTimeOffset columns, and time-range filters need both.
    private static readonly ValueConverter<DateTimeOffset, long> UnixMs = new(
        v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AlertRule>(rule =>
        {
            rule.ToTable("AlertRules");
            rule.Property(r => r.Name).HasMaxLength(AlertRuleDraft.MaxNameLength);
            rule.Property(r => r.Description).HasMaxLength(AlertRuleDraft.MaxDescriptionLength);
            rule.Property(r => r.Target).HasMaxLength(AlertRuleDraft.MaxTargetLength);
            rule.Property(r => r.Metric).HasMaxLength(64);
            rule.Ignore(r => r.Condition);
            Enums(rule);
            Times(rule);
        });
        modelBuilder.Entity<Alert>(alert =>
        {
            alert.ToTable("Alerts");
            alert.Property(a => a.Id).ValueGeneratedNever();
            alert.Property(a => a.RuleName).HasMaxLength(AlertRuleDraft.MaxNameLength);
            alert.Property(a => a.DeviceId).HasMaxLength(64);
            alert.Property(a => a.Metric).HasMaxLength(64);
            alert.Property(a => a.ClearedBy).HasMaxLength(128);
            alert.Property(a => a.ClearReason).HasMaxLength(500);
            alert.Property(a => a.AcknowledgedBy).HasMaxLength(128);
            alert.Property(a => a.AcknowledgeComment).HasMaxLength(2000);
            alert.Ignore(a => a.IsOpen);
            alert.HasIndex(a => new { a.State, a.PendingSince });
            alert.HasIndex(a => new { a.DeviceId, a.PendingSince });
            alert.HasIndex(a => a.RuleId);
            Enums(alert);
            Times(alert);
        });
        modelBuilder.Entity<AlertHistoryEntry>(entry =>
        {
            entry.ToTable("AlertHistory");
            entry.Property(e => e.By).HasMaxLength(128);
            entry.Property(e => e.Detail).HasMaxLength(2000);
            entry.HasIndex(e => e.AlertId);
            entry.HasOne<Alert>().WithMany().HasForeignKey(e => e.AlertId).OnDelete(DeleteBehavior.Cascade);
            Enums(entry);
            Times(entry);
        });
        modelBuilder.Entity<NotificationDelivery>(delivery =>
        {
            delivery.ToTable("AlertDeliveries");
            delivery.Property(d => d.Target).HasMaxLength(2000);
            delivery.Property(d => d.Error).HasMaxLength(2000);
            delivery.HasIndex(d => d.AlertId);
            delivery.HasOne<Alert>().WithMany().HasForeignKey(d => d.AlertId).OnDelete(DeleteBehavior.Cascade);
            Enums(delivery);
            Times(delivery);
        });
        modelBuilder.Entity<AlertSilence>(silence =>
        {
            silence.ToTable("AlertSilences");
            silence.Property(s => s.DeviceId).HasMaxLength(64);
            silence.Property(s => s.By).HasMaxLength(128);
            silence.Property(s => s.Reason).HasMaxLength(500);
            silence.HasIndex(s => s.Until);
            Times(silence);
        });
    }

    /// <summary>Enums as their names: readable in the database and stable when members are added.</summary>
    private static void Enums<T>(EntityTypeBuilder<T> entity)
        where T : class
    {
        foreach (var property in entity.Metadata.GetProperties().Where(p => p.ClrType.IsEnum))
        {
            entity.Property(property.Name).HasConversion<string>().HasMaxLength(32);
        }
    }

    private static void Times<T>(EntityTypeBuilder<T> entity)
        where T : class
    {
        foreach (var property in entity.Metadata.GetProperties()
            .Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
        {
            entity.Property(property.Name).HasConversion(UnixMs);
        }
    }
}

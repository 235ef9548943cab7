using DigitalTwin.Core.Accounts;
using DigitalTwin.Core.Alerts;
using DigitalTwin.Core.Audit;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.History;
using DigitalTwin.Core.Power;
using DigitalTwin.Core.Twins.Commands;
using DigitalTwin.Core.Twins.Properties;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Core.Data;

/// <summary>
/// The model, and the SQLite context whose migrations live in Data/Migrations. Each other provider derives a
/// context of its own (<see cref="PostgresDigitalTwinDbContext"/>) so that its migrations are kept apart.
/// </summary>
public class DigitalTwinDbContext : IdentityDbContext<AppUser>
{
    public DigitalTwinDbContext(DbContextOptions<DigitalTwinDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the per-provider subclasses: EF Core finds migrations by the exact context type.</summary>
    protected DigitalTwinDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Device> Devices => Set<Device>();

    public DbSet<TelemetrySeries> Series => Set<TelemetrySeries>();

    public DbSet<TelemetrySample> Samples => Set<TelemetrySample>();

    public DbSet<SampleMinute> SampleMinutes => Set<SampleMinute>();

    public DbSet<PowerUsage> PowerUsages => Set<PowerUsage>();

    public DbSet<PowerImport> PowerImports => Set<PowerImport>();

    public DbSet<PowerUsageChange> PowerUsageChanges => Set<PowerUsageChange>();

    public DbSet<AlertRule> AlertRules => Set<AlertRule>();

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<AlertHistoryEntry> AlertHistory => Set<AlertHistoryEntry>();

    public DbSet<NotificationDelivery> AlertDeliveries => Set<NotificationDelivery>();

    public DbSet<AlertSilence> AlertSilences => Set<AlertSilence>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Device>(device =>
        {
            device.Property(d => d.Id).HasMaxLength(64);
            device.Property(d => d.Name).HasMaxLength(200);
            device.Property(d => d.Kind).HasMaxLength(64);
            device.Property(d => d.Location).HasMaxLength(200);
            // JSON text rather than provider types (jsonb, arrays): one model and one query shape on both providers.
            // Database defaults as well, so a row written outside EF Core (a script, a restore) is still valid;
            // the app itself inserts devices only through DeviceRegistry.
            device.Property(d => d.Tags).HasConversion(JsonColumn.ListConverter, JsonColumn.ListComparer).HasDefaultValueSql("'[]'");
            device.Property(d => d.Metadata).HasConversion(JsonColumn.DictionaryConverter, JsonColumn.DictionaryComparer).HasDefaultValueSql("'{}'");
            device.Property(d => d.SecretSalt).HasMaxLength(DeviceSecret.SaltBytes);
            device.Property(d => d.SecretHash).HasMaxLength(32);
        });
        modelBuilder.Entity<TelemetrySeries>(series =>
        {
            series.ToTable("Series");
            series.Property(s => s.Metric).HasMaxLength(64);
            series.HasIndex(s => new { s.DeviceId, s.Metric }).IsUnique();
            series.HasOne<Device>().WithMany().HasForeignKey(s => s.DeviceId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TelemetrySample>(sample =>
        {
            sample.ToTable("Samples");
            sample.HasKey(s => new { s.SeriesId, s.Timestamp });
            sample.HasOne<TelemetrySeries>().WithMany().HasForeignKey(s => s.SeriesId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SampleMinute>(minute =>
        {
            minute.HasKey(m => new { m.SeriesId, m.Minute });
            minute.HasOne<TelemetrySeries>().WithMany().HasForeignKey(m => m.SeriesId).OnDelete(DeleteBehavior.Cascade);
        });
        PowerModel.Configure(modelBuilder);
        AlertModel.Configure(modelBuilder);
        AccountModel.Configure(modelBuilder);
        TwinPropertyModel.Configure(modelBuilder);
        DeviceCommandModel.Configure(modelBuilder);
    }
}

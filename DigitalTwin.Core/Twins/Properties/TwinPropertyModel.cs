using DigitalTwin.Core.Devices;
using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Core.Twins.Properties;

/// <summary>The TwinProperties table of the EF Core model.</summary>
internal static class TwinPropertyModel
{
    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<TwinProperties>(properties =>
        {
            properties.ToTable("TwinProperties");
            properties.HasKey(p => p.DeviceId);
            properties.Property(p => p.DeviceId).HasMaxLength(64);
            // Both versions guard every write: a change made meanwhile (by another request or the device) fails the
            // save, and the writer reads again (TwinPropertyStore), so no merge is lost and If-Match is exact.
            properties.Property(p => p.DesiredVersion).IsConcurrencyToken();
            properties.Property(p => p.ReportedVersion).IsConcurrencyToken();
            properties.HasOne<Device>().WithOne().HasForeignKey<TwinProperties>(p => p.DeviceId).OnDelete(DeleteBehavior.Cascade);
        });
}

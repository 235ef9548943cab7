using DigitalTwin.Core.Devices;
using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Core.Twins.Commands;

/// <summary>The DeviceCommands table of the EF Core model.</summary>
internal static class DeviceCommandModel
{
    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<DeviceCommand>(command =>
        {
            command.ToTable("DeviceCommands");
            command.HasKey(c => c.Id);
            command.Property(c => c.DeviceId).HasMaxLength(64);
            command.Property(c => c.Name).HasMaxLength(CommandLimits.MaxNameLength);
            command.Property(c => c.CorrelationId).HasMaxLength(32);
            command.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            command.Property(c => c.RequestedBy).HasMaxLength(256);
            // A device's log, newest first, and an answer's correlation data, are the two ways in.
            command.HasIndex(c => new { c.DeviceId, c.Id });
            command.HasIndex(c => c.CorrelationId).IsUnique();
            command.HasOne<Device>().WithMany().HasForeignKey(c => c.DeviceId).OnDelete(DeleteBehavior.Cascade);
        });
}

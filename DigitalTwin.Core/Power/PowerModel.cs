using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Core.Power;

/// <summary>The power-analytics tables of the EF Core model.</summary>
internal static class PowerModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PowerUsage>(usage =>
        {
            usage.Property(u => u.Sido).HasMaxLength(32);
            usage.Property(u => u.Sigungu).HasMaxLength(32);
            usage.Property(u => u.ContractType).HasMaxLength(8);
            usage.HasIndex(u => new { u.Sido, u.Sigungu, u.ContractType, u.Year, u.Month }).IsUnique();
            usage.HasIndex(u => new { u.Year, u.Month });
        });
        modelBuilder.Entity<PowerImport>(import =>
        {
            import.Property(i => i.FileName).HasMaxLength(260);
            import.Property(i => i.Format).HasMaxLength(64);
            import.Property(i => i.Encoding).HasMaxLength(32);
            import.Property(i => i.ImportedBy).HasMaxLength(128);
            import.Property(i => i.FirstMonth).HasMaxLength(7);
            import.Property(i => i.LastMonth).HasMaxLength(7);
        });
        modelBuilder.Entity<PowerUsageChange>(change =>
        {
            change.Property(c => c.Sido).HasMaxLength(32);
            change.Property(c => c.Sigungu).HasMaxLength(32);
            change.Property(c => c.ContractType).HasMaxLength(8);
            change.HasIndex(c => c.ImportId);
            change.HasOne<PowerImport>().WithMany().HasForeignKey(c => c.ImportId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

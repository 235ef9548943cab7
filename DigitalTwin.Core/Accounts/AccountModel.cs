using DigitalTwin.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DigitalTwin.Core.Accounts;

/// <summary>The API token and audit tables of the EF Core model (Identity's own tables come from IdentityDbContext).</summary>
internal static class AccountModel
{
    // Unix milliseconds: SQLite cannot compare or order DateTimeOffset columns, and time-range filters need both.
    private static readonly ValueConverter<DateTimeOffset, long> UnixMs = new(
        v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));

    private static readonly ValueConverter<DateTimeOffset?, long?> NullableUnixMs = new(
        v => v.HasValue ? v.Value.ToUnixTimeMilliseconds() : null,
        v => v.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(v.Value) : null);

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AppUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.ExternalProvider).HasMaxLength(64);
        });
        modelBuilder.Entity<ApiToken>(token =>
        {
            token.ToTable("ApiTokens");
            token.Property(t => t.Name).HasMaxLength(100);
            token.Property(t => t.Prefix).HasMaxLength(16);
            token.Property(t => t.Hash).HasMaxLength(32);
            token.Property(t => t.Role).HasMaxLength(32);
            token.HasIndex(t => t.Hash).IsUnique();
            token.HasIndex(t => t.UserId);
            token.HasOne<AppUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
            token.Property(t => t.CreatedAt).HasConversion(UnixMs);
            token.Property(t => t.ExpiresAt).HasConversion(NullableUnixMs);
            token.Property(t => t.LastUsedAt).HasConversion(NullableUnixMs);
            token.Property(t => t.RevokedAt).HasConversion(NullableUnixMs);
        });
        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("AuditLog");
            entry.Property(e => e.At).HasConversion(UnixMs);
            entry.Property(e => e.Actor).HasMaxLength(256);
            entry.Property(e => e.ActorKind).HasConversion<string>().HasMaxLength(16);
            entry.Property(e => e.UserId).HasMaxLength(64);
            entry.Property(e => e.Address).HasMaxLength(64);
            entry.Property(e => e.Action).HasMaxLength(64);
            entry.Property(e => e.EntityType).HasMaxLength(64);
            entry.Property(e => e.EntityId).HasMaxLength(256);
            entry.Property(e => e.Summary).HasMaxLength(AuditEntry.MaxSummaryLength);
            entry.HasIndex(e => e.At);
            entry.HasIndex(e => new { e.Actor, e.At });
            entry.HasIndex(e => new { e.EntityType, e.EntityId });
        });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DigitalTwin.Core.Data;

/// <summary>
/// The same model on PostgreSQL, with its own migrations in Data/PostgresMigrations (EF Core's "one context per provider").
/// Add one with: dotnet ef migrations add Name --project DigitalTwin.Core --startup-project DigitalTwin.Web
/// --context PostgresDigitalTwinDbContext --output-dir Data/PostgresMigrations
/// </summary>
public sealed class PostgresDigitalTwinDbContext(DbContextOptions<PostgresDigitalTwinDbContext> options)
    : DigitalTwinDbContext(options);

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context without a server or the app's configuration.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDigitalTwinDbContext>
{
    public PostgresDigitalTwinDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDigitalTwinDbContext>().UseNpgsql("Host=localhost;Database=digitaltwin").Options);
}

/// <summary>Hands out a provider's derived context where the app asks for <see cref="DigitalTwinDbContext"/>.</summary>
internal sealed class DerivedDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<DigitalTwinDbContext>
    where TContext : DigitalTwinDbContext
{
    public DigitalTwinDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<DigitalTwinDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}

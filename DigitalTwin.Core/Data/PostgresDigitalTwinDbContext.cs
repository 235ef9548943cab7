using Microsoft.EntityFrameworkCore;

namespace DigitalTwin.Core.Data;

/// <summary>
/// The same model on PostgreSQL, with its own migrations in Data/PostgresMigrations (EF Core's "one context per provider").
/// Add one with the app's own configuration switched to PostgreSQL (no server is contacted):
/// Database__Provider=Postgres ConnectionStrings__DigitalTwin="Host=localhost" dotnet ef migrations add NamePostgres
/// --project DigitalTwin.Core --startup-project DigitalTwin.Web --context PostgresDigitalTwinDbContext --output-dir Data/PostgresMigrations
/// </summary>
public sealed class PostgresDigitalTwinDbContext(DbContextOptions<PostgresDigitalTwinDbContext> options)
    : DigitalTwinDbContext(options);

/// <summary>Hands out a provider's derived context where the app asks for <see cref="DigitalTwinDbContext"/>.</summary>
internal sealed class DerivedDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<DigitalTwinDbContext>
    where TContext : DigitalTwinDbContext
{
    public DigitalTwinDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<DigitalTwinDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}

using DigitalTwin.Core.History;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DigitalTwin.Core.Data;

public static class DataExtensions
{
    public const string ConnectionName = "DigitalTwin";

    public static IHostApplicationBuilder AddDigitalTwinData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        // Read now as well: it decides which provider is registered.
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not set.");
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                AddSqlite(builder.Services, SqliteFile.Anchor(connectionString, builder.Environment.ContentRootPath));
                break;
            case DatabaseProvider.Postgres:
                AddPostgres(builder.Services, connectionString);
                break;
            default:
                throw new InvalidOperationException($"Database:Provider={options.Provider} is not supported; use Sqlite or Postgres.");
        }
        return builder;
    }

    /// <summary>
    /// Applies pending migrations; call before the host starts. On PostgreSQL under a session advisory lock: instances
    /// of a cluster starting together on an empty database migrate one after the other (the others then find nothing to do).
    /// </summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<DigitalTwinDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var migrationLock = services.GetService<PostgresDatabase>() is { } postgres
            ? await postgres.DataSource.OpenConnectionAsync(cancellationToken)
            : null;
        if (migrationLock is not null)
        {
            await using var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", migrationLock);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }
        // Released when the lock's connection closes (disposed above), however the migration ends.
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>Any fixed number the app's database uses for nothing else.</summary>
    private const long MigrationLockKey = 0x44_54_4D_49_47; // "DTMIG"

    private static void AddSqlite(IServiceCollection services, string connectionString)
    {
        EnsureDirectoryExists(connectionString);
        services.AddDbContextFactory<DigitalTwinDbContext>(o => o.UseSqlite(connectionString));
        var database = new SqliteDatabase(connectionString);
        services.AddSingleton(database);
        services.AddSingleton<IHistoryDatabase>(database);
    }

    private static void AddPostgres(IServiceCollection services, string connectionString)
    {
        // Created by the container so that it is disposed (its pool closed) with it.
        services.AddSingleton(_ => new PostgresDatabase(NpgsqlDataSource.Create(connectionString)));
        services.AddSingleton<IHistoryDatabase>(sp => sp.GetRequiredService<PostgresDatabase>());
        services.AddDbContextFactory<PostgresDigitalTwinDbContext>(
            (sp, o) => o.UseNpgsql(sp.GetRequiredService<PostgresDatabase>().DataSource));
        services.AddSingleton<IDbContextFactory<DigitalTwinDbContext>, DerivedDbContextFactory<PostgresDigitalTwinDbContext>>();
        // Identity's stores ask for the base context by type.
        services.AddScoped<DigitalTwinDbContext>(sp => sp.GetRequiredService<PostgresDigitalTwinDbContext>());
    }

    private static void EnsureDirectoryExists(string connectionString)
    {
        if (SqliteFile.PathOf(connectionString) is { } file && Path.GetDirectoryName(file) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }
    }
}

using DigitalTwin.Core.Devices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DigitalTwin.Core.Data;

public static class DataExtensions
{
    public const string ConnectionName = "DigitalTwin";

    public static IHostApplicationBuilder AddDigitalTwinData(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException(
                $"Database:Provider={options.Provider} is not supported yet; this version stores history in SQLite (Database:Provider=Sqlite).");
        }
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not set.");
        EnsureDirectoryExists(connectionString);
        builder.Services.AddDbContextFactory<DigitalTwinDbContext>(o => o.UseSqlite(connectionString));
        builder.Services.AddSingleton(new SqliteDatabase(connectionString));
        return builder;
    }

    /// <summary>Applies pending migrations and loads the device catalog; call before the host starts.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<DigitalTwinDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        var catalog = services.GetRequiredService<DeviceCatalog>();
        foreach (var id in await db.Devices.Select(d => d.Id).ToListAsync(cancellationToken))
        {
            catalog.Add(id);
        }
    }

    private static void EnsureDirectoryExists(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(file) && file != ":memory:" && !string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}

using DigitalTwin.Core.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Backup;

public static class BackupExtensions
{
    /// <summary>Online backups of the SQLite database (PostgreSQL is backed up with its own tools: pg_dump).</summary>
    public static IHostApplicationBuilder AddBackup(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BackupOptions>, BackupOptionsValidator>();
        // A relative folder is relative to the content root, like a relative database path (SqliteFile.Anchor).
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.PostConfigure<BackupOptions>(o =>
        {
            if (o.Directory is { Length: > 0 } directory)
            {
                o.Directory = Path.GetFullPath(Path.Combine(contentRoot, directory));
            }
        });
        var provider = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        if (provider == DatabaseProvider.Sqlite)
        {
            builder.Services.AddSingleton<SqliteBackup>();
        }
        return builder;
    }
}

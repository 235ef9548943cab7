using System.Globalization;
using DigitalTwin.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Core.Backup;

/// <summary>A backup file: where it is, how large, and when it was taken.</summary>
public sealed record BackupFile(string Path, long Bytes, DateTimeOffset TakenAt)
{
    public string Name => System.IO.Path.GetFileName(Path);
}

/// <summary>
/// A consistent copy of the SQLite database while the app runs, with SQLite's online backup API: one step under a
/// read transaction, so the copy is the database as of one commit, while the history writer goes on committing
/// (WAL: readers do not block writers). The copy is a single file in rollback-journal mode, written under a
/// temporary name and renamed when complete, so a backup folder never holds half a file.
/// </summary>
public sealed class SqliteBackup(SqliteDatabase database, IOptions<BackupOptions> options, TimeProvider time)
{
    private const string Prefix = "digitaltwin-";
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public string Directory => options.Value.Directory is { Length: > 0 } configured
        ? configured
        : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(SqliteFile.PathOf(database.ConnectionString)) ?? ".", "backups");

    public async Task<BackupFile> CreateAsync(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var takenAt = time.GetUtcNow();
            var path = System.IO.Path.Combine(Directory, $"{Prefix}{takenAt.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}.db");
            var partial = path + ".partial";
            await CopyAsync(partial, cancellationToken);
            File.Move(partial, path, overwrite: true);
            DeleteBeyondKeep();
            return new BackupFile(path, new FileInfo(path).Length, takenAt);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task CopyAsync(string destinationPath, CancellationToken cancellationToken)
    {
        File.Delete(destinationPath);
        await using var source = await database.OpenAsync(cancellationToken);
        await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destinationPath, Pooling = false }.ConnectionString);
        await destination.OpenAsync(cancellationToken);
        // Synchronous in Microsoft.Data.Sqlite; off the request thread.
        await Task.Run(() => source.BackupDatabase(destination), cancellationToken);
        await using var pragma = destination.CreateCommand();
        // The copy inherits WAL mode from the source's header; a restored file should not need a -wal beside it.
        pragma.CommandText = "PRAGMA journal_mode=DELETE;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
    }

    private void DeleteBeyondKeep()
    {
        var old = System.IO.Directory.EnumerateFiles(Directory, Prefix + "*.db")
            .Order(StringComparer.Ordinal)
            .SkipLast(options.Value.Keep);
        foreach (var file in old)
        {
            File.Delete(file);
        }
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using DigitalTwin.Tests.Audit;
using DigitalTwin.Tests.Infrastructure;
using DigitalTwin.Web.Backup;
using Microsoft.Data.Sqlite;

namespace DigitalTwin.Tests.Backup;

/// <summary>POST /api/admin/backup on the real app while readings pour in, and the backup restored into a new app.</summary>
[Collection(AppCollection.Name)]
public sealed class BackupTests
{
    private const string Device = "backup-load";
    private const int ReadingsPerPost = 100;

    [Fact]
    public async Task Backup_UnderIngestLoad_RestoresToAnAppHoldingEveryCommittedReading()
    {
        await using var app = await new DigitalTwinAppFactory().StartAsync();
        await app.CreateDeviceAsync(Device);
        using var load = new CancellationTokenSource();
        var committed = 0;
        var loader = Task.Run(async () =>
        {
            // One post at a time: a 202 means its readings are committed, so the acknowledged readings are always
            // the sequence numbers below `committed`.
            for (var post = 0; !load.IsCancellationRequested; post++)
            {
                using var response = await app.PostTelemetryAsync(Device, Readings(post));
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                Volatile.Write(ref committed, (post + 1) * ReadingsPerPost);
            }
        });
        await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref committed) >= 20 * ReadingsPerPost), what: "the load under way");

        var committedBeforeBackup = Volatile.Read(ref committed);
        using var response = await app.Http.PostAsync("/api/admin/backup", null);
        var backup = await response.Content.ReadAsByteArrayAsync();
        var committedAfterBackup = Volatile.Read(ref committed);
        await load.CancelAsync();
        await loader;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.sqlite3", response.Content.Headers.ContentType?.MediaType);
        Assert.True(committedAfterBackup > committedBeforeBackup, "readings kept being committed while the backup ran");
        var restoreDirectory = DigitalTwinAppFactory.CreateTempDirectory();
        await File.WriteAllBytesAsync(Path.Combine(restoreDirectory, "twin.db"), backup);
        await AssertIntactAsync(Path.Combine(restoreDirectory, "twin.db"), committedBeforeBackup);

        await using var restored = await new DigitalTwinAppFactory(restoreDirectory).StartAsync();
        using var ready = await restored.AnonymousHttp.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var twin = await restored.Http.GetAsync($"/api/devices/{Device}");
        Assert.Equal(HttpStatusCode.OK, twin.StatusCode);
        Assert.InRange(await restored.CountSamplesAsync(Device), committedBeforeBackup, committedAfterBackup);
        var audit = await app.Http.AuditAsync($"action={BackupApi.AuditAction}");
        Assert.StartsWith(DigitalTwinAppFactory.AdminUserName, Assert.Single(audit.Items).Actor, StringComparison.Ordinal);
        DigitalTwinAppFactory.DeleteDirectory(restoreDirectory);
    }

    [Fact]
    public async Task Backup_Twice_BothKeptInTheBackupFolderBesideTheDatabase()
    {
        await using var app = await new DigitalTwinAppFactory().StartAsync();

        using var first = await app.Http.PostAsync("/api/admin/backup", null);
        using var second = await app.Http.PostAsync("/api/admin/backup", null);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var files = Directory.GetFiles(Path.Combine(app.DataDirectory, "backups"));
        Assert.Equal(2, files.Length);
        Assert.All(files, f => Assert.EndsWith(".db", f, StringComparison.Ordinal));
        Assert.Contains(second.Content.Headers.ContentDisposition?.FileNameStar ?? second.Content.Headers.ContentDisposition?.FileName,
            files.Select(Path.GetFileName));
    }

    /// <summary>The file opens on its own (no -wal beside it), passes SQLite's integrity check and holds readings 0..n-1.</summary>
    private static async Task AssertIntactAsync(string path, int readings)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", await check.ExecuteScalarAsync());
        check.CommandText = """
            SELECT COUNT(DISTINCT s.Value) FROM Samples s JOIN Series r ON r.Id = s.SeriesId
            WHERE r.DeviceId = $d AND r.Metric = 'seq' AND s.Value < $n
            """;
        check.Parameters.AddWithValue("$d", Device);
        check.Parameters.AddWithValue("$n", readings);
        Assert.Equal((long)readings, await check.ExecuteScalarAsync());
    }

    /// <summary>A post of readings numbered post*100 .. post*100+99 (metric "seq"), one second apart.</summary>
    private static StringContent Readings(int post)
    {
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var items = Enumerable.Range(post * ReadingsPerPost, ReadingsPerPost).Select(seq => string.Create(CultureInfo.InvariantCulture,
            $$"""{"ts":"{{start.AddSeconds(seq):O}}","seq":{{seq}}}"""));
        return new StringContent("[" + string.Join(',', items) + "]", Encoding.UTF8, "application/json");
    }
}

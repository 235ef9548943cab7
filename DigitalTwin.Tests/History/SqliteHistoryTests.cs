using System.Data.Common;
using DigitalTwin.Core.Data;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace DigitalTwin.Tests.History;

/// <summary>The history checks on a real, migrated SQLite file in a temp directory.</summary>
public sealed class SqliteHistoryTests : HistoryStoreChecks
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dt-history-" + Guid.NewGuid().ToString("N"));

    // No pooling: the file can be deleted when the test ends, and nothing is shared with other tests.
    private string ConnectionString => $"Data Source={Path.Combine(_directory, "twin.db")};Pooling=False";

    protected override async Task<(HistoryDatabaseHost? Host, string? Unavailable)> StartAsync()
    {
        Directory.CreateDirectory(_directory);
        return (await HistoryDatabaseHost.StartAsync(DatabaseProvider.Sqlite, ConnectionString), null);
    }

    protected override async Task<DbConnection> OpenConnectionAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    protected override Task RefuseSamplesWithValueAsync(double value) => ExecuteAsync(FormattableString.Invariant($"""
        CREATE TRIGGER refuse_value BEFORE INSERT ON Samples WHEN NEW.Value = {value}
        BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
        """));

    protected override Task DropDatabaseAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}

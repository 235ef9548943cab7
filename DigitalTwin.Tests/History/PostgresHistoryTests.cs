using System.Data.Common;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Devices;
using DigitalTwin.Core.History;
using DigitalTwin.Core.Telemetry;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DigitalTwin.Tests.History;

/// <summary>
/// The history checks on a real PostgreSQL server (<see cref="PostgresTestServer"/>), each test in a database of its own,
/// migrated by the app's PostgreSQL migrations; plus what only a server can do: lose the connection.
/// </summary>
public sealed class PostgresHistoryTests : HistoryStoreChecks
{
    private PostgresTestDatabase? _database;

    protected override async Task<(HistoryDatabaseHost? Host, string? Unavailable)> StartAsync()
    {
        if (PostgresTestServer.Unavailable() is { } reason)
        {
            return (null, reason);
        }
        _database = await PostgresTestServer.CreateDatabaseAsync();
        return (await HistoryDatabaseHost.StartAsync(DatabaseProvider.Postgres, _database.ConnectionString), null);
    }

    protected override async Task<DbConnection> OpenConnectionAsync()
    {
        var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    protected override Task RefuseSamplesWithValueAsync(double value) => ExecuteAsync(FormattableString.Invariant($$"""
        CREATE FUNCTION refuse_value() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW."Value" = {{value}} THEN RAISE EXCEPTION 'refused by the test' USING ERRCODE = 'check_violation'; END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER refuse_value BEFORE INSERT ON "Samples" FOR EACH ROW EXECUTE FUNCTION refuse_value();
        """));

    protected override async Task DropDatabaseAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [SkippableFact]
    public void AddDigitalTwinData_Postgres_HistoryOnPostgres()
    {
        Assert.IsType<PostgresDatabase>(Database);
    }

    [SkippableFact]
    public async Task Migrations_Postgres_SamplesKeyedBySeriesAndTimestamp()
    {
        var columns = await ScalarAsync("""
            SELECT COUNT(*) FROM information_schema.columns
            WHERE table_name = 'Samples' AND (column_name, data_type) IN
                (('SeriesId', 'integer'), ('Timestamp', 'bigint'), ('Value', 'double precision'))
            """);
        var keyColumns = await ScalarAsync("""
            SELECT COUNT(*) FROM information_schema.key_column_usage WHERE constraint_name = 'PK_Samples'
            """);

        Assert.Equal(3L, columns);
        Assert.Equal(2L, keyColumns);
    }

    [SkippableFact]
    public async Task WriterCommit_ConnectionKilledBetweenCommits_RetriedOnANewConnectionAndNothingLost()
    {
        using var counters = new IngestCounters();
        await RegisterDevicesAsync("d1", "d2");
        using var writer = new HistoryWriter(Database, counters, new CommitTracker(), NewDirectory(), TimeProvider.System, NullLogger<HistoryWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        await writer.EnqueueAsync(new([Reading("d1", T0, ("temperature", 1.0))], 1), CancellationToken.None);
        await WaitUntilAsync(() => counters.ReadingsCommitted == 1);

        var killed = await ScalarAsync("""
            SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
            """);
        await writer.EnqueueAsync(new([Reading("d1", T0.AddSeconds(1), ("temperature", 2.0)), Reading("d2", T0, ("humidity", 3.0))], 3), CancellationToken.None);
        writer.Complete();
        await writer.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
        await writer.StopAsync(CancellationToken.None);

        Assert.True(killed >= 1, "the writer's connection was open");
        Assert.Equal(3, counters.ReadingsCommitted);
        Assert.Equal(2, await CountSamplesAsync("d1", "temperature"));
        Assert.Equal(1, await CountSamplesAsync("d2", "humidity"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }
}

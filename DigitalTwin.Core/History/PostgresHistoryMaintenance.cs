using System.Runtime.CompilerServices;
using Npgsql;

namespace DigitalTwin.Core.History;

/// <summary>Exports and retention in PostgreSQL's dialect; the same answers as <see cref="SqliteHistoryMaintenance"/>.</summary>
internal static class PostgresHistoryMaintenance
{
    /// <summary>The columns of a minute row for series <paramref name="series"/> and minute <paramref name="minute"/> (SQL
    /// expressions) computed from its samples, as <c>a.mn, a.mx, a.sm, a.ct, a.lt, a.lv</c>; a.ct is 0 when it has none.</summary>
    public static string MinuteFromSamples(string series, string minute) => $"""
        CROSS JOIN LATERAL (
            SELECT MIN("Value") mn, MAX("Value") mx, SUM("Value") sm, COUNT(*) ct, MAX("Timestamp") lt,
                (array_agg("Value" ORDER BY "Timestamp" DESC))[1] lv
            FROM "Samples" WHERE "SeriesId" = {series} AND "Timestamp" >= {minute} AND "Timestamp" < {minute} + 60000) a
        """;

    public static async IAsyncEnumerable<RawSample> ReadRawAsync(
        NpgsqlDataSource dataSource, string deviceId, long fromMs, long toMs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT s."Timestamp", r."Metric", s."Value"
            FROM "Series" r JOIN "Samples" s ON s."SeriesId" = r."Id"
            WHERE r."DeviceId" = $1 AND s."Timestamp" >= $2 AND s."Timestamp" < $3
            ORDER BY s."Timestamp", r."Metric" COLLATE "C"
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = deviceId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fromMs });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = toMs });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new RawSample(reader.GetInt64(0), reader.GetString(1), reader.GetDouble(2));
        }
    }

    public static Task<IReadOnlyList<int>> SeriesIdsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        PostgresHistoryQueries.ReadColumnAsync<int>(dataSource, """SELECT "Id" FROM "Series" ORDER BY "Id" """, cancellationToken);

    public static async Task<int> DeleteOlderThanAsync(NpgsqlDataSource dataSource, int seriesId, long cutoffMs, int maxRows, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            DELETE FROM "Samples"
            WHERE "SeriesId" = $1 AND "Timestamp" IN (
                SELECT "Timestamp" FROM "Samples" WHERE "SeriesId" = $1 AND "Timestamp" < $2 ORDER BY "Timestamp" LIMIT $3)
            """);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = seriesId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = cutoffMs });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = maxRows });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The minutes wholly before the cutoff go; the one it cuts through is computed again from its remaining samples.
    /// Deleting that minute's row first locks it, so a writer extending it meanwhile waits, and the insert (a new
    /// statement, a new snapshot) sees whatever the writer committed before.
    /// </summary>
    public static async Task DeleteMinutesOlderThanAsync(NpgsqlDataSource dataSource, int seriesId, long cutoffMs, CancellationToken cancellationToken)
    {
        var cut = MinuteRollup.Floor(cutoffMs);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        // Every minute that starts before the cutoff, the one it cuts through included.
        batch.BatchCommands.Add(Command("""DELETE FROM "SampleMinutes" WHERE "SeriesId" = $1 AND "Minute" < $2""", seriesId, cutoffMs));
        if (cut < cutoffMs)
        {
            batch.BatchCommands.Add(Command($"""
                INSERT INTO "SampleMinutes" ("SeriesId", "Minute", "Min", "Max", "Sum", "Count", "LastTimestamp", "Last")
                SELECT $1, $2, a.mn, a.mx, a.sm, a.ct, a.lt, a.lv FROM (SELECT 1) one {MinuteFromSamples("$1", "$2")}
                WHERE a.ct > 0
                """, seriesId, cut));
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, int seriesId, long minute) =>
        new(sql) { Parameters = { new NpgsqlParameter<int> { TypedValue = seriesId }, new NpgsqlParameter<long> { TypedValue = minute } } };
}

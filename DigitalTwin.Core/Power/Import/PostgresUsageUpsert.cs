using Npgsql;
using NpgsqlTypes;

namespace DigitalTwin.Core.Power.Import;

/// <summary>
/// The upsert on PostgreSQL: a statement per row would pay a network round trip per row, so the rows are streamed
/// by binary COPY into a temporary table (dropped with the transaction) and moved into the table by one statement.
/// </summary>
internal static class PostgresUsageUpsert
{
    private const string CreateStage = """
        CREATE TEMP TABLE power_stage (y integer NOT NULL, m integer NOT NULL, s text NOT NULL, g text NOT NULL, c text NOT NULL,
            k bigint, n bigint, b bigint) ON COMMIT DROP
        """;
    private const string CopyStage = "COPY power_stage (y, m, s, g, c, k, n, b) FROM STDIN (FORMAT BINARY)";

    /// <summary>30 years of every district take a few seconds; the default 30 s would fail a loaded server.</summary>
    private const int UpsertTimeoutSeconds = 600;

    public static async Task WriteAsync(NpgsqlConnection connection, UsageTable table, IReadOnlyList<ParsedUsage> rows, CancellationToken cancellationToken)
    {
        await using (var create = new NpgsqlCommand(CreateStage, connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var importer = await connection.BeginBinaryImportAsync(CopyStage, cancellationToken))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken);
                await WriteKeyAsync(importer, row, cancellationToken);
                await WriteAsync(importer, row.Kwh, cancellationToken);
                await WriteAsync(importer, row.Customers, cancellationToken);
                await WriteAsync(importer, row.BillKrw, cancellationToken);
            }
            await importer.CompleteAsync(cancellationToken);
        }
        await using var upsert = new NpgsqlCommand(table.Upsert("SELECT y, m, s, g, c, k, n, b FROM power_stage"), connection)
        {
            CommandTimeout = UpsertTimeoutSeconds,
        };
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary><paramref name="copy"/> takes (import, year, month, 시도, 시군구, contract type, old kWh, new kWh).</summary>
    public static async Task CopyChangesAsync(NpgsqlConnection connection, string copy, int importId, IReadOnlyList<(StoredUsage Old, ParsedUsage New)> changes, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var (old, row) in changes)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(importId, NpgsqlDbType.Integer, cancellationToken);
            await WriteKeyAsync(importer, row, cancellationToken);
            await WriteAsync(importer, old.Kwh, cancellationToken);
            await WriteAsync(importer, row.Kwh, cancellationToken);
        }
        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteKeyAsync(NpgsqlBinaryImporter importer, ParsedUsage row, CancellationToken cancellationToken)
    {
        await importer.WriteAsync(row.Month.Year, NpgsqlDbType.Integer, cancellationToken);
        await importer.WriteAsync(row.Month.Month, NpgsqlDbType.Integer, cancellationToken);
        await importer.WriteAsync(row.Sido, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(row.Sigungu, NpgsqlDbType.Text, cancellationToken);
        await importer.WriteAsync(row.ContractType, NpgsqlDbType.Text, cancellationToken);
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, long? value, CancellationToken cancellationToken) =>
        value is { } number ? importer.WriteAsync(number, NpgsqlDbType.Bigint, cancellationToken) : importer.WriteNullAsync(cancellationToken);
}

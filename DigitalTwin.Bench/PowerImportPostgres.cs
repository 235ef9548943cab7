using System.Globalization;
using Npgsql;

namespace DigitalTwin.Bench;

/// <summary>
/// <c>… -- power-import --postgres "Host=…;Username=…;Password=…"</c>: the generated file's preview and commit into a
/// fresh PostgreSQL database each round (created and dropped through the given connection), then the same file again
/// with every value changed, which upserts every row. SQLite is the default run (<see cref="PowerImportBench"/>).
/// </summary>
internal static class PowerImportPostgres
{
    public static async Task<int> RunAsync(string connectionString, byte[] generated, int rounds)
    {
        var changed = Changed(generated);
        for (var round = 1; round <= rounds; round++)
        {
            var name = "dt_bench_" + Guid.NewGuid().ToString("N");
            await ExecuteAsync(connectionString, $"CREATE DATABASE \"{name}\"");
            try
            {
                var database = new NpgsqlConnectionStringBuilder(connectionString) { Database = name }.ConnectionString;
                using var host = await PowerImportBench.StartAsync(Path.GetTempPath(), database);
                var fresh = await PowerImportBench.ImportAsync(host, "generated.csv", generated);
                var again = await PowerImportBench.ImportAsync(host, "changed.csv", changed);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"PostgreSQL round {round}: {fresh.Rows:N0} new rows: preview {fresh.Preview.TotalMilliseconds:N0} ms, commit {fresh.Commit.TotalMilliseconds:N0} ms; "
                    + $"every value changed: preview {again.Preview.TotalMilliseconds:N0} ms, commit {again.Commit.TotalMilliseconds:N0} ms"));
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(connectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
        }
        return 0;
    }

    /// <summary>The generated file with a 1 before every value: each row changes (합계 no longer sums: warnings only).</summary>
    private static byte[] Changed(byte[] generated)
    {
        var text = PowerImportBench.Cp949.GetString(generated);
        return PowerImportBench.Cp949.GetBytes(text.Replace("\" ", "\" 1", StringComparison.Ordinal));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

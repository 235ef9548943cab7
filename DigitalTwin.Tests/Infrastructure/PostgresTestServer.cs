using Npgsql;

namespace DigitalTwin.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use, named by <see cref="Variable"/> (scripts/start-postgres.sh prints one).
/// Without it the PostgreSQL tests are skipped on a developer's machine and fail in CI, where skipping would hide them.
/// </summary>
public static class PostgresTestServer
{
    public const string Variable = "DIGITALTWIN_TEST_POSTGRES";

    private static readonly string? ConnectionString = Environment.GetEnvironmentVariable(Variable);

    /// <summary>Why the tests cannot run here; null when a server is configured. Throws in CI.</summary>
    public static string? Unavailable()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return null;
        }
        var reason = $"{Variable} is not set: run `export {Variable}=\"$(scripts/start-postgres.sh)\"` to run the PostgreSQL tests.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"CI=true and {reason}");
        }
        return reason;
    }

    /// <summary>Creates an empty database with a random name; disposing the result drops it.</summary>
    public static async Task<PostgresTestDatabase> CreateDatabaseAsync()
    {
        var name = "dt_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
        return new PostgresTestDatabase(name, connectionString);
    }

    internal static async Task ExecuteAsync(string sql)
    {
        // Not pooled: the server-level connection must not outlive the test or keep a database in use.
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A database of its own for one test.</summary>
public sealed class PostgresTestDatabase(string name, string connectionString) : IAsyncDisposable
{
    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await PostgresTestServer.ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }
}

using DigitalTwin.Core.Audit;
using DigitalTwin.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace DigitalTwin.Tests.Audit;

/// <summary>Reads the audit trail as an admin's script would, and breaks the test database on purpose.</summary>
public static class AuditLogReader
{
    /// <summary>GET /api/audit?{query}; asserts success.</summary>
    public static async Task<AuditPage> AuditAsync(this HttpClient http, string query)
    {
        using var response = await http.GetAsync($"/api/audit?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /api/audit?{query}: {(int)response.StatusCode} {body}");
        return System.Text.Json.JsonSerializer.Deserialize<AuditPage>(body, ApiJson.Options)!;
    }

    public static async Task<Microsoft.AspNetCore.Mvc.ValidationProblemDetails> ValidationProblemAsync(HttpResponseMessage response)
    {
        await ApiJson.AssertProblemAsync(response, 400);
        return System.Text.Json.JsonSerializer.Deserialize<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(await response.Content.ReadAsStringAsync(), ApiJson.Options)!;
    }

    /// <summary>The entries about one entity, newest first.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> AuditOfAsync(this HttpClient http, string entityType, string entityId) =>
        (await http.AuditAsync($"entity={Uri.EscapeDataString(entityType)}&entityId={Uri.EscapeDataString(entityId)}&limit=500")).Items;

    /// <summary>
    /// Makes every insert into <paramref name="table"/> (or delete, with <paramref name="operation"/> = DELETE) fail
    /// in the app's own database, until the returned handle is disposed.
    /// </summary>
    public static async Task<IAsyncDisposable> BreakAsync(this DigitalTwinAppFactory app, string table, string operation = "INSERT")
    {
        var name = $"break_{table}_{operation}".ToLowerInvariant();
        await ExecuteAsync(app, $"CREATE TRIGGER {name} BEFORE {operation} ON {table} BEGIN SELECT RAISE(ABORT, '{table} down'); END");
        return new Repair(app, name);
    }

    public static async Task<long> ScalarAsync(this DigitalTwinAppFactory app, string sql)
    {
        await using var connection = await app.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DigitalTwinAppFactory app, string sql)
    {
        await using var connection = new SqliteConnection(app.ConnectionString + ";Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Repair(DigitalTwinAppFactory app, string trigger) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await ExecuteAsync(app, $"DROP TRIGGER IF EXISTS {trigger}");
    }
}

using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DigitalTwin.Core.Power.Import;

/// <summary>
/// The upsert on SQLite's own API, as the history writer does: through SqliteCommand each row also paid for a data
/// reader, a bind by name per parameter and the UTF-8 conversion of its three names. One row per execution: a
/// statement of 16 or 64 rows was slower here (3.5 s against 2.3 s for 720,000 rows). It runs in the connection's
/// open transaction.
/// </summary>
internal static class SqliteUsageUpsert
{
    /// <summary>
    /// A write that at least doubles the table creates the (Year, Month) index again afterwards: rows in unique-key order
    /// land at 360 places of it in turn, a third of the write (720,000 rows: 2.3 s, against 1.5 s + 0.3 s). Dropped and
    /// created in the import's transaction, so a failure leaves it as it was.
    /// </summary>
    public static void Write(SqliteConnection connection, UsageTable table, IReadOnlyList<ParsedUsage> rows)
    {
        var rebuilt = rows.Count >= Count(connection, table) ? table.SecondaryIndexes() : [];
        foreach (var (name, _) in rebuilt)
        {
            Execute(connection, $"DROP INDEX {name}");
        }
        Upsert(connection, table, rows);
        foreach (var (_, create) in rebuilt)
        {
            Execute(connection, create);
        }
    }

    private static void Upsert(SqliteConnection connection, UsageTable table, IReadOnlyList<ParsedUsage> rows)
    {
        using var statement = Prepare(connection, table.Upsert("VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
        var key = new KeyBinder(statement, 1);
        foreach (var row in rows)
        {
            key.Bind(row);
            Bind(statement, 6, row.Kwh);
            Bind(statement, 7, row.Customers);
            Bind(statement, 8, row.BillKrw);
            Step(statement, connection);
        }
    }

    /// <summary><paramref name="insert"/> takes (import, year, month, 시도, 시군구, contract type, old kWh, new kWh).</summary>
    public static void InsertChanges(SqliteConnection connection, string insert, int importId, IReadOnlyList<(StoredUsage Old, ParsedUsage New)> changes)
    {
        using var statement = Prepare(connection, insert);
        raw.sqlite3_bind_int(statement, 1, importId);
        var key = new KeyBinder(statement, 2);
        foreach (var (old, row) in changes)
        {
            key.Bind(row);
            Bind(statement, 7, old.Kwh);
            Bind(statement, 8, row.Kwh);
            Step(statement, connection);
        }
    }

    private static sqlite3_stmt Prepare(SqliteConnection connection, string sql)
    {
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement), raw.SQLITE_OK, connection);
        return statement;
    }

    private static void Step(sqlite3_stmt statement, SqliteConnection connection)
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        Check(rc, raw.SQLITE_DONE, connection);
    }

    private static long Count(SqliteConnection connection, UsageTable table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table.Name}";
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Bind(sqlite3_stmt statement, int index, long? value)
    {
        if (value is { } number)
        {
            raw.sqlite3_bind_int64(statement, index, number);
        }
        else
        {
            raw.sqlite3_bind_null(statement, index);
        }
    }

    private static void Check(int rc, int expected, SqliteConnection connection)
    {
        if (rc != expected)
        {
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }
    }

    /// <summary>
    /// Binds a row's year, month, 시도, 시군구 and contract type from parameter <c>first</c> on. Bindings outlive
    /// sqlite3_reset, and in key order most rows share their names with the row before: each is converted once per run.
    /// </summary>
    private sealed class KeyBinder(sqlite3_stmt statement, int first)
    {
        private readonly string?[] _names = new string?[3];

        public void Bind(ParsedUsage row)
        {
            raw.sqlite3_bind_int(statement, first, row.Month.Year);
            raw.sqlite3_bind_int(statement, first + 1, row.Month.Month);
            BindName(0, row.Sido);
            BindName(1, row.Sigungu);
            BindName(2, row.ContractType);
        }

        private void BindName(int name, string value)
        {
            if (!string.Equals(value, _names[name], StringComparison.Ordinal))
            {
                raw.sqlite3_bind_text(statement, first + 2 + name, value);
                _names[name] = value;
            }
        }
    }
}

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
        var rc = raw.sqlite3_prepare_v2(connection.Handle, table.Upsert("VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"), out var statement);
        Check(rc, raw.SQLITE_OK, connection);
        using (statement)
        {
            string? sido = null, sigungu = null, type = null;
            foreach (var row in rows)
            {
                raw.sqlite3_bind_int(statement, 1, row.Month.Year);
                raw.sqlite3_bind_int(statement, 2, row.Month.Month);
                // Bindings outlive sqlite3_reset; in key order most rows share their names with the row before.
                BindChanged(statement, 3, row.Sido, ref sido);
                BindChanged(statement, 4, row.Sigungu, ref sigungu);
                BindChanged(statement, 5, row.ContractType, ref type);
                Bind(statement, 6, row.Kwh);
                Bind(statement, 7, row.Customers);
                Bind(statement, 8, row.BillKrw);
                rc = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                Check(rc, raw.SQLITE_DONE, connection);
            }
        }
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

    private static void BindChanged(sqlite3_stmt statement, int index, string value, ref string? bound)
    {
        if (!string.Equals(value, bound, StringComparison.Ordinal))
        {
            raw.sqlite3_bind_text(statement, index, value);
            bound = value;
        }
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
}

using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace DigitalTwin.Core.Power.Import;

/// <summary>
/// An import's writes on SQLite's own API, as the history writer does: through SqliteCommand each row also paid for a data
/// reader, a bind by name per parameter and the UTF-8 conversion of its three names. One row per execution: a
/// statement of 16 or 64 rows was slower here (3.5 s against 2.3 s for 720,000 rows). It runs in the connection's
/// open transaction, where the diff was computed: its new rows are not stored and its changed rows are, by id.
/// </summary>
internal static class SqliteUsageUpsert
{
    private const int SortCacheKiB = 128 * 1024;

    /// <summary>
    /// A write that at least doubles the table creates the indexes again afterwards, the unique key's too: keeping them
    /// while inserting cost 2.3 s for 720,000 rows (the (Year, Month) index alone a third of it), inserting without them and
    /// creating them after 0.8 s + 0.7 s. Dropped and created in the import's transaction, so a failure leaves them as
    /// they were, and a duplicate key (which the diff rules out) would fail the unique index's creation.
    /// </summary>
    public static void Write(SqliteConnection connection, UsageTable table, UsageDiff diff)
    {
        var rebuilt = diff.New.Count + diff.Changed.Count >= Count(connection, table) ? table.Indexes() : [];
        foreach (var (name, _) in rebuilt)
        {
            Execute(connection, $"DROP INDEX {name}");
        }
        // In key order the rows of a district lie together in the table, and a kept unique index is appended to
        // or walked once instead of touched at one page per district and contract type in turn.
        Insert(connection, table, UsageKeyOrder.Sort(diff.New));
        Update(connection, table, diff.Changed);
        CreateIndexes(connection, rebuilt);
    }

    /// <summary>
    /// CREATE INDEX sorts within the page cache's size and merges from temporary files beyond it: with the default 2 MB
    /// the unique key's 720,000 entries took 0.53 s, with 128 MB 0.40 s. The connection goes back to the pool, so its
    /// cache size is put back too.
    /// </summary>
    private static void CreateIndexes(SqliteConnection connection, IReadOnlyList<(string Name, string Create)> indexes)
    {
        if (indexes.Count == 0)
        {
            return;
        }
        var cacheSize = Scalar(connection, "PRAGMA cache_size");
        Execute(connection, $"PRAGMA cache_size=-{SortCacheKiB}");
        try
        {
            foreach (var (_, create) in indexes)
            {
                Execute(connection, create);
            }
        }
        finally
        {
            Execute(connection, string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size={cacheSize}"));
        }
    }

    private static void Insert(SqliteConnection connection, UsageTable table, IReadOnlyList<ParsedUsage> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }
        using var statement = Prepare(connection, table.Insert("VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
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

    /// <summary>The changed rows by id, in id order: the table's b-tree is walked once.</summary>
    private static void Update(SqliteConnection connection, UsageTable table, IReadOnlyList<(StoredUsage Old, ParsedUsage New)> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }
        using var statement = Prepare(connection, table.UpdateById());
        foreach (var (old, row) in changes.OrderBy(c => c.Old.Id))
        {
            raw.sqlite3_bind_int64(statement, 1, old.Id);
            Bind(statement, 2, row.Kwh);
            Bind(statement, 3, row.Customers);
            Bind(statement, 4, row.BillKrw);
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

    private static long Count(SqliteConnection connection, UsageTable table) => Scalar(connection, $"SELECT count(*) FROM {table.Name}");

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
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

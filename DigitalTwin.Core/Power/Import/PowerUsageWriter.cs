using System.Data;
using System.Data.Common;
using DigitalTwin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DigitalTwin.Core.Power.Import;

/// <summary>
/// Writes imported rows with one prepared command reused in the import's transaction: EF Core's AddRange +
/// SaveChanges manages ~22k rows/s on SQLite here, a prepared command several times that (see DESIGN.md), and
/// a year of every district is ~15,000 rows. Names come from the EF model, so the SQL follows its mapping.
/// </summary>
internal static class PowerUsageWriter
{
    public static async Task InsertAsync(DigitalTwinDbContext db, IReadOnlyList<ParsedUsage> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var names = new Names(db);
        await using var command = CreateCommand(db,
            $"INSERT INTO {names.Table} ({names.Column(nameof(PowerUsage.Year))}, {names.Column(nameof(PowerUsage.Month))}, "
            + $"{names.Column(nameof(PowerUsage.Sido))}, {names.Column(nameof(PowerUsage.Sigungu))}, {names.Column(nameof(PowerUsage.ContractType))}, "
            + $"{names.Column(nameof(PowerUsage.Kwh))}, {names.Column(nameof(PowerUsage.Customers))}, {names.Column(nameof(PowerUsage.BillKrw))}) "
            + "VALUES (@year, @month, @sido, @sigungu, @type, @kwh, @customers, @bill)");
        var year = Add(command, "@year", DbType.Int32);
        var month = Add(command, "@month", DbType.Int32);
        var sido = Add(command, "@sido", DbType.String);
        var sigungu = Add(command, "@sigungu", DbType.String);
        var type = Add(command, "@type", DbType.String);
        var kwh = Add(command, "@kwh", DbType.Int64);
        var customers = Add(command, "@customers", DbType.Int64);
        var bill = Add(command, "@bill", DbType.Int64);
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            year.Value = row.Month.Year;
            month.Value = row.Month.Month;
            sido.Value = row.Sido;
            sigungu.Value = row.Sigungu;
            type.Value = row.ContractType;
            kwh.Value = (object?)row.Kwh ?? DBNull.Value;
            customers.Value = (object?)row.Customers ?? DBNull.Value;
            bill.Value = (object?)row.BillKrw ?? DBNull.Value;
            await ExecuteAsync(command, cancellationToken);
        }
    }

    public static async Task UpdateAsync(DigitalTwinDbContext db, IReadOnlyList<(StoredUsage Old, ParsedUsage New)> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return;
        }
        var names = new Names(db);
        await using var command = CreateCommand(db,
            $"UPDATE {names.Table} SET {names.Column(nameof(PowerUsage.Kwh))} = @kwh, {names.Column(nameof(PowerUsage.Customers))} = @customers, "
            + $"{names.Column(nameof(PowerUsage.BillKrw))} = @bill WHERE {names.Column(nameof(PowerUsage.Id))} = @id");
        var kwh = Add(command, "@kwh", DbType.Int64);
        var customers = Add(command, "@customers", DbType.Int64);
        var bill = Add(command, "@bill", DbType.Int64);
        var id = Add(command, "@id", DbType.Int64);
        await command.PrepareAsync(cancellationToken);
        foreach (var (old, row) in changes)
        {
            kwh.Value = (object?)row.Kwh ?? DBNull.Value;
            customers.Value = (object?)(row.Customers ?? old.Customers) ?? DBNull.Value;
            bill.Value = (object?)(row.BillKrw ?? old.BillKrw) ?? DBNull.Value;
            id.Value = old.Id;
            await ExecuteAsync(command, cancellationToken);
        }
    }

    /// <summary>Microsoft.Data.Sqlite's async methods run synchronously anyway; skip their Task per row.</summary>
    private static ValueTask ExecuteAsync(DbCommand command, CancellationToken cancellationToken)
    {
        if (command is Microsoft.Data.Sqlite.SqliteCommand)
        {
            command.ExecuteNonQuery();
            return ValueTask.CompletedTask;
        }
        return new ValueTask(command.ExecuteNonQueryAsync(cancellationToken));
    }

    private static DbCommand CreateCommand(DigitalTwinDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    private static DbParameter Add(DbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Table and column names of <see cref="PowerUsage"/> as the provider writes them (quoted).</summary>
    private sealed class Names
    {
        private readonly IEntityType _entity;
        private readonly StoreObjectIdentifier _table;
        private readonly ISqlGenerationHelper _sql;

        public Names(DigitalTwinDbContext db)
        {
            _entity = db.Model.FindEntityType(typeof(PowerUsage))!;
            _table = StoreObjectIdentifier.Table(_entity.GetTableName()!, _entity.GetSchema());
            _sql = db.GetService<ISqlGenerationHelper>();
            Table = _sql.DelimitIdentifier(_table.Name, _table.Schema);
        }

        public string Table { get; }

        public string Column(string property) => _sql.DelimitIdentifier(_entity.FindProperty(property)!.GetColumnName(_table)!);
    }
}

using System.Data;
using System.Data.Common;
using System.Diagnostics;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Power.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace DigitalTwin.Bench;

/// <summary>
/// The commit as it was before issue 14, for a ratio in the same run: the diff, then one prepared SqliteCommand
/// executed per row in the file's order, in one transaction.
/// </summary>
internal static class PowerImportBaseline
{
    private const string Insert = """
        INSERT INTO "PowerUsages" ("Year", "Month", "Sido", "Sigungu", "ContractType", "Kwh", "Customers", "BillKrw")
        VALUES (@year, @month, @sido, @sigungu, @type, @kwh, @customers, @bill)
        """;

    public static async Task<TimeSpan> CommitAsync(IDbContextFactory<DigitalTwinDbContext> contexts, IReadOnlyList<ParsedUsage> rows)
    {
        var clock = Stopwatch.StartNew();
        await using var db = await contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var diff = await UsageDiff.ComputeAsync(db, rows, CancellationToken.None);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = Insert;
        var parameters = new[] { "@year", "@month", "@sido", "@sigungu", "@type", "@kwh", "@customers", "@bill" }.Select(name => Add(command, name)).ToArray();
        await command.PrepareAsync();
        foreach (var row in diff.New)
        {
            object?[] values = [row.Month.Year, row.Month.Month, row.Sido, row.Sigungu, row.ContractType, row.Kwh, row.Customers, row.BillKrw];
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }
            command.ExecuteNonQuery();
        }
        await transaction.CommitAsync();
        return clock.Elapsed;
    }

    private static DbParameter Add(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}

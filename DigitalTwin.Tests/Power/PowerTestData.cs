using System.Globalization;
using DigitalTwin.Core.Data;
using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Import;

namespace DigitalTwin.Tests.Power;

/// <summary>
/// Usage rows for tests: small hand-made ones, or a whole "long" KEPCO CSV inserted straight through
/// EF Core (not the import service, which these tests do not exercise).
/// </summary>
public static class PowerTestData
{
    public static UsageRow Row(int year, int month, string sido, string sigungu, string contractType, long? kwh) =>
        new(year, month, sido, sigungu, contractType, kwh);

    /// <summary>
    /// Loads <c>year,month,sido[,sigungu],contract_type,…,kwh</c> (the 시군구 file, or the 시도 file without
    /// a sigungu column, whose rows become province-level rows). Returns the number of rows inserted.
    /// </summary>
    public static async Task<int> LoadLongCsvAsync(DigitalTwinDbContext db, string path)
    {
        var lines = await File.ReadAllLinesAsync(path);
        var header = lines[0].Split(',').Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);
        header.TryGetValue("sigungu", out var sigunguColumn);
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(line => line.Split(',')).Select(f => new PowerUsage
        {
            Year = int.Parse(f[header["year"]], CultureInfo.InvariantCulture),
            Month = int.Parse(f[header["month"]], CultureInfo.InvariantCulture),
            // The importer stores canonical 시도 names (강원도 → 강원특별자치도), so this loader does too.
            Sido = RegionAliases.TryCanonicalSido(f[header["sido"]], out var sido) ? sido : f[header["sido"]],
            Sigungu = header.ContainsKey("sigungu") ? f[sigunguColumn] : PowerUsage.ProvinceTotal,
            ContractType = ContractTypes.Normalize(f[header["contract_type"]]) ?? f[header["contract_type"]],
            Kwh = long.TryParse(f[header["kwh"]], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kwh) ? kwh : null,
        }).ToList();
        db.PowerUsages.AddRange(rows);
        await db.SaveChangesAsync();
        return rows.Count;
    }

    public static async Task AddAsync(DigitalTwinDbContext db, IEnumerable<UsageRow> rows)
    {
        db.PowerUsages.AddRange(rows.Select(r => new PowerUsage
        {
            Year = r.Year,
            Month = r.Month,
            Sido = r.Sido,
            Sigungu = r.Sigungu,
            ContractType = r.ContractType,
            Kwh = r.Kwh,
        }));
        await db.SaveChangesAsync();
    }
}

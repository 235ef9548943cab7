using DigitalTwin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace DigitalTwin.Core.Power.Import;

/// <summary>
/// An import's table as the provider names it (quoted, from the EF model): <see cref="PowerUsage"/>'s by default, with
/// its upsert, or <see cref="PowerUsageChange"/>'s for the audit trail.
/// </summary>
internal sealed class UsageTable
{
    private readonly IEntityType _entity;
    private readonly StoreObjectIdentifier _table;
    private readonly ISqlGenerationHelper _sql;

    public UsageTable(DigitalTwinDbContext db, Type? entity = null)
    {
        _entity = db.Model.FindEntityType(entity ?? typeof(PowerUsage))!;
        _table = StoreObjectIdentifier.Table(_entity.GetTableName()!, _entity.GetSchema());
        _sql = db.GetService<ISqlGenerationHelper>();
        Name = _sql.DelimitIdentifier(_table.Name, _table.Schema);
    }

    public string Name { get; }

    /// <summary>
    /// Inserts <paramref name="source"/>'s rows (year, month, 시도, 시군구, contract type, kWh, customers, bill), or overwrites
    /// the stored row of the same key. A file without customers or bills keeps those a richer file stored.
    /// </summary>
    public string Upsert(string source)
    {
        var (kwh, customers, bill) = (Column(nameof(PowerUsage.Kwh)), Column(nameof(PowerUsage.Customers)), Column(nameof(PowerUsage.BillKrw)));
        return $"""
            INSERT INTO {Name} ({Column(nameof(PowerUsage.Year))}, {Column(nameof(PowerUsage.Month))}, {Column(nameof(PowerUsage.Sido))},
                {Column(nameof(PowerUsage.Sigungu))}, {Column(nameof(PowerUsage.ContractType))}, {kwh}, {customers}, {bill})
            {source}
            ON CONFLICT ({Column(nameof(PowerUsage.Sido))}, {Column(nameof(PowerUsage.Sigungu))}, {Column(nameof(PowerUsage.ContractType))},
                {Column(nameof(PowerUsage.Year))}, {Column(nameof(PowerUsage.Month))})
            DO UPDATE SET {kwh} = excluded.{kwh}, {customers} = coalesce(excluded.{customers}, {Name}.{customers}),
                {bill} = coalesce(excluded.{bill}, {Name}.{bill})
            """;
    }

    /// <summary>
    /// Inserts <paramref name="source"/>'s rows (year, month, 시도, 시군구, contract type, kWh, customers, bill), all of
    /// them new: a row whose key is stored already fails the unique index.
    /// </summary>
    public string Insert(string source) =>
        $"INSERT INTO {Name} {Columns(nameof(PowerUsage.Year), nameof(PowerUsage.Month), nameof(PowerUsage.Sido), nameof(PowerUsage.Sigungu),
            nameof(PowerUsage.ContractType), nameof(PowerUsage.Kwh), nameof(PowerUsage.Customers), nameof(PowerUsage.BillKrw))} {source}";

    /// <summary>
    /// Overwrites the stored row of id <c>?1</c> with kWh <c>?2</c>, customers <c>?3</c> and bill <c>?4</c>, keeping the
    /// customers or bill a richer file stored where these are null (as <see cref="Upsert"/> does).
    /// </summary>
    public string UpdateById()
    {
        var (kwh, customers, bill) = (Column(nameof(PowerUsage.Kwh)), Column(nameof(PowerUsage.Customers)), Column(nameof(PowerUsage.BillKrw)));
        return $"UPDATE {Name} SET {kwh} = ?2, {customers} = coalesce(?3, {customers}), {bill} = coalesce(?4, {bill}) WHERE {Column(nameof(PowerUsage.Id))} = ?1";
    }

    /// <summary>CREATE INDEX statements of the table's indexes, the unique key's included, as the model declares them.</summary>
    public IReadOnlyList<(string Name, string Create)> Indexes() =>
    [
        .. _entity.GetIndexes().Select(i =>
        {
            var name = _sql.DelimitIdentifier(i.GetDatabaseName(_table)!);
            var columns = string.Join(", ", i.Properties.Select(p => Column(p.Name)));
            return (name, $"CREATE {(i.IsUnique ? "UNIQUE " : "")}INDEX {name} ON {Name} ({columns})");
        }),
    ];

    /// <summary>"(a, b, c)": the columns of <paramref name="properties"/>.</summary>
    public string Columns(params string[] properties) => $"({string.Join(", ", properties.Select(Column))})";

    private string Column(string property) => _sql.DelimitIdentifier(_entity.FindProperty(property)!.GetColumnName(_table)!);
}

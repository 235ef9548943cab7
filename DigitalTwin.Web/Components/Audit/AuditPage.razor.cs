using System.Globalization;
using DigitalTwin.Core.Audit;
using DigitalTwin.Web.Audit;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DigitalTwin.Web.Components.Audit;

/// <summary>
/// /admin/audit: who changed what, newest first, paged on the server; filters by user, action, entity and day
/// (the server's time zone, as elsewhere in the app); the export link carries the same filter.
/// </summary>
public sealed partial class AuditPage
{
    private static readonly int[] PageSizes = [25, 50, 100, 250, 500];
    private MudDataGrid<AuditEntry> _grid = null!;
    private IReadOnlyList<string> _actions = [];
    private IReadOnlyList<string> _entityTypes = [];
    private string? _user;
    private string? _action;
    private string? _entityType;
    private string? _entityId;
    private DateTime? _from;
    private DateTime? _to;
    private int _total;

    [Inject]
    public required AuditSearch Audit { get; init; }

    [Inject]
    public required TimeProvider Time { get; init; }

    [SupplyParameterFromQuery(Name = "user")]
    public string? UserQuery { get; set; }

    [SupplyParameterFromQuery(Name = "action")]
    public string? ActionQuery { get; set; }

    [SupplyParameterFromQuery(Name = "entity")]
    public string? EntityQuery { get; set; }

    [SupplyParameterFromQuery(Name = "entityId")]
    public string? EntityIdQuery { get; set; }

    /// <summary>The current filter as /api/audit reads it; <see cref="AuditQuery.To"/> is the end of the "to" day.</summary>
    internal AuditQuery Query => new(
        User: Clean(_user),
        Action: Clean(_action),
        EntityType: Clean(_entityType),
        EntityId: Clean(_entityId),
        From: _from is { } from ? StartOfDay(from) : null,
        To: _to is { } to ? StartOfDay(to.AddDays(1)) : null);

    private string ExportHref => AuditLinks.ExportHref(Query);

    protected override async Task OnInitializedAsync()
    {
        (_user, _action, _entityType, _entityId) = (Clean(UserQuery), Clean(ActionQuery), Clean(EntityQuery), Clean(EntityIdQuery));
        var (actions, types) = await Audit.ChoicesAsync();
        // Families first ("device" finds every device action), then the actions themselves.
        var families = actions.Where(a => a.Contains('.')).Select(a => a[..a.IndexOf('.')]).Distinct(StringComparer.Ordinal);
        _actions = [.. families.Concat(actions).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        _entityTypes = types;
    }

    private async Task<GridData<AuditEntry>> LoadAsync(GridState<AuditEntry> state, CancellationToken cancellationToken)
    {
        var page = await Audit.PageAsync(Query with { Offset = state.Page * state.PageSize, Limit = state.PageSize }, cancellationToken);
        _total = page.Total;
        // The count sits in the page's header, outside the grid that loaded it.
        await InvokeAsync(StateHasChanged);
        return new GridData<AuditEntry> { Items = page.Items, TotalItems = page.Total };
    }

    private Task UserChangedAsync(string? value) => ReloadAsync(() => _user = value);

    private Task ActionChangedAsync(string? value) => ReloadAsync(() => _action = value);

    private Task EntityTypeChangedAsync(string? value) => ReloadAsync(() => _entityType = value);

    private Task EntityIdChangedAsync(string? value) => ReloadAsync(() => _entityId = value);

    private Task FromChangedAsync(DateTime? value) => ReloadAsync(() => _from = value);

    private Task ToChangedAsync(DateTime? value) => ReloadAsync(() => _to = value);

    private async Task ReloadAsync(Action change)
    {
        change();
        await _grid.ReloadServerData();
    }

    private DateTimeOffset StartOfDay(DateTime day)
    {
        var midnight = DateTime.SpecifyKind(day.Date, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Time.LocalTimeZone.GetUtcOffset(midnight));
    }

    private string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Time.LocalTimeZone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

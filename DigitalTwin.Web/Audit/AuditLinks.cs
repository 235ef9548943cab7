using System.Globalization;
using DigitalTwin.Core.Audit;
using Microsoft.AspNetCore.WebUtilities;

namespace DigitalTwin.Web.Audit;

/// <summary>A filter as the query string of /api/audit, /api/audit/export and /admin/audit (the same names everywhere).</summary>
public static class AuditLinks
{
    public const string Export = "/api/audit/export";

    public static string ExportHref(AuditQuery query) => QueryHelpers.AddQueryString(Export, Parameters(query));

    public static Dictionary<string, string?> Parameters(AuditQuery query)
    {
        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal);
        Add(parameters, "user", query.User);
        Add(parameters, "action", query.Action);
        Add(parameters, "entity", query.EntityType);
        Add(parameters, "entityId", query.EntityId);
        Add(parameters, "from", query.From?.ToString("O", CultureInfo.InvariantCulture));
        Add(parameters, "to", query.To?.ToString("O", CultureInfo.InvariantCulture));
        return parameters;
    }

    private static void Add(Dictionary<string, string?> parameters, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            parameters[name] = value;
        }
    }
}

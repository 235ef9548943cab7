using DigitalTwin.Core.Telemetry;

using DigitalTwin.Web.Accounts;

namespace DigitalTwin.Web.Diagnostics;

public static class DiagnosticsApi
{
    public static RouteGroupBuilder MapDiagnosticsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/diagnostics").WithTags("Diagnostics").RequireAuthorization(Policies.Read);
        group.MapGet("/ingest", GetIngest).WithSummary("Ingest counters: accepted, refused per reason, processed, queue depth, latest refusals");
        return group;
    }

    private static IngestReport GetIngest(IngestCounters counters, TelemetryQueue queue, RejectLog rejects) =>
        new(counters.Snapshot(), queue.Depth, queue.Capacity, rejects.Recent());
}

public sealed record IngestReport(IngestCountersSnapshot Counters, int QueueDepth, int QueueCapacity, IReadOnlyList<RejectRecord> RecentRejects);

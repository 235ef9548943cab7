using DigitalTwin.Core.Power;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace DigitalTwin.Web.Power;

/// <summary>Boundary features that fit no KEPCO district, and districts with data but no boundary.</summary>
public sealed record BoundaryReport(int Features, int Districts, IReadOnlyList<KostatFeature> UnmatchedFeatures, IReadOnlyList<District> DistrictsWithoutBoundary);

/// <summary>The 시군구 boundaries the district map draws, sent once and cached by the browser.</summary>
public static class DistrictBoundariesApi
{
    public const string BoundariesPath = "/api/power/districts/boundaries";

    public static RouteGroupBuilder MapDistrictBoundaries(this RouteGroupBuilder group)
    {
        group.MapGet("/districts/boundaries", Boundaries)
            .WithSummary("KOSTAT 2018 시군구 boundaries as TopoJSON; each feature's properties name its KEPCO sido and sigungu");
        group.MapGet("/districts/boundaries/report", Report)
            .WithSummary("Boundary features without a KEPCO district and districts with data but no boundary");
        return group;
    }

    private static Results<FileContentHttpResult, ProblemHttpResult> Boundaries(DistrictBoundaries boundaries, HttpContext http)
    {
        if (boundaries.Document is not { } document)
        {
            return Missing();
        }
        // The file changes only with a new release; the ETag lets the browser revalidate cheaply after a day.
        http.Response.Headers.CacheControl = "public, max-age=86400";
        http.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (AcceptsGzip(http.Request))
        {
            http.Response.Headers.ContentEncoding = "gzip";
            return TypedResults.Bytes(document.Gzip, "application/json", entityTag: new EntityTagHeaderValue(document.ETag[..^1] + "-gzip\""));
        }
        return TypedResults.Bytes(document.Json, "application/json", entityTag: new EntityTagHeaderValue(document.ETag));
    }

    private static async Task<Results<Ok<BoundaryReport>, ProblemHttpResult>> Report(
        DistrictBoundaries boundaries, PowerQueries queries, CancellationToken cancellationToken)
    {
        if (boundaries.Document is not { } document)
        {
            return Missing();
        }
        var districts = await queries.DistrictsAsync(cancellationToken);
        var report = KostatDistrictMatcher.Compare(document.Features, districts);
        return TypedResults.Ok(new BoundaryReport(document.Features.Count, districts.Count, report.UnmatchedFeatures, report.DistrictsWithoutBoundary));
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        request.GetTypedHeaders().AcceptEncoding.Any(e => e.Value == "gzip" && (e.Quality ?? 1) > 0);

    private static ProblemHttpResult Missing() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No district boundaries",
            detail: $"data/{DistrictBoundaries.FileName.Replace('\\', '/')} was not found; set Power:DataDirectory to the repository's data folder.");
}

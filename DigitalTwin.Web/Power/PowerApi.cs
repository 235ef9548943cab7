using DigitalTwin.Core.Power;
using DigitalTwin.Core.Power.Import;
using DigitalTwin.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace DigitalTwin.Web.Power;

/// <summary>One problem of a refused upload, as listed in the ProblemDetails' <c>errors</c> extension.</summary>
public sealed record ImportErrorResponse(int? Row, string? Column, string? Value, string Message, ImportIssueKind Kind);

/// <summary>A committed upload: what it changed, and the warnings that did not stop it.</summary>
public sealed record ImportResponse(
    int ImportId,
    string FileName,
    string Format,
    string Encoding,
    IReadOnlyList<string> Months,
    int Districts,
    int RowsNew,
    int RowsChanged,
    int RowsUnchanged,
    IReadOnlyList<ImportIssue> Warnings,
    int WarningCount);

public static class PowerApi
{
    private const long MultipartEnvelopeBytes = 64 * 1024;

    public static RouteGroupBuilder MapPowerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/power").WithTags("Power").RequireAuthorization(Policies.Read);
        // The body may be the file plus the multipart envelope; the import then checks the file itself against the limit.
        var maxBody = endpoints.ServiceProvider.GetRequiredService<IOptions<PowerOptions>>().Value.MaxImportBytes + MultipartEnvelopeBytes;
        group.MapPost("/imports", Import).RequireAuthorization(Policies.Analyze)
            .DisableAntiforgery() // API clients (scripts, curl) have no antiforgery token.
            .WithMetadata(new RequestSizeLimitAttribute(maxBody))
            .WithFormOptions(multipartBodyLengthLimit: maxBody)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("Upload a KEPCO file (multipart field 'file'); ?commit=false only previews it");
        group.MapGet("/imports", History).WithSummary("Committed imports, newest first");
        group.MapGet("/imports/{id:int}", GetImport).WithSummary("One committed import");
        group.MapGet("/usage", Usage).WithSummary("Monthly kWh by 시도, 시군구, contract type and month range (YYYY-MM)");
        group.MapGet("/forecasts", ForecastApi.Get).RequireAuthorization(Policies.Analyze)
            .WithSummary("Forecast every district for the months after a cutoff next to the actuals: rows, errors per model, and what explains the largest");
        group.MapDistrictBoundaries();
        return group;
    }

    private static async Task<Results<Created<ImportResponse>, Ok<ImportPreview>, ProblemHttpResult>> Import(
        IFormFile? file, HttpContext http, PowerImportService imports, bool commit = true, CancellationToken cancellationToken = default)
    {
        if (file is null || file.Length == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No file",
                detail: "Send the file as multipart/form-data in the field 'file'.");
        }
        await using var stream = file.OpenReadStream();
        var preview = await imports.PreviewAsync(file.FileName, stream, null, cancellationToken);
        if (!preview.CanCommit)
        {
            return Refused(preview);
        }
        if (!commit)
        {
            return TypedResults.Ok(preview);
        }
        var result = await imports.CommitAsync(preview.Id, http.Actor(), cancellationToken);
        return TypedResults.Created($"/api/power/imports/{result.ImportId}", new ImportResponse(
            result.ImportId, preview.FileName, preview.Format, preview.Encoding, [.. preview.Months.Select(m => m.ToString())],
            preview.Districts, result.RowsNew, result.RowsChanged, result.RowsUnchanged,
            [.. preview.Issues.Where(i => i.Severity == ImportSeverity.Warning)], preview.WarningCount));
    }

    private static ProblemHttpResult Refused(ImportPreview preview)
    {
        var errors = preview.Issues.Where(i => i.Severity == ImportSeverity.Error).ToList();
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The file was not imported",
            Detail = $"'{preview.FileName}' has {preview.ErrorCount:N0} error(s); nothing was imported. First: {errors[0].Message}"
                + (preview.IssuesTruncated ? $" Only the first {preview.Issues.Count:N0} problems are listed; 'issueCounts' counts them all by kind." : ""),
        };
        problem.Extensions["errors"] = errors.Select(e => new ImportErrorResponse(e.Row, e.Column, e.Value, e.Message, e.Kind)).ToArray();
        problem.Extensions["errorCount"] = preview.ErrorCount;
        problem.Extensions["warningCount"] = preview.WarningCount;
        problem.Extensions["issueCounts"] = preview.IssueCounts;
        problem.Extensions["format"] = preview.Format;
        problem.Extensions["encoding"] = preview.Encoding;
        return TypedResults.Problem(problem);
    }

    private static async Task<Ok<PowerImport[]>> History(PowerImportService imports, CancellationToken cancellationToken) =>
        TypedResults.Ok((await imports.HistoryAsync(cancellationToken)).ToArray());

    private static async Task<Results<Ok<PowerImport>, ProblemHttpResult>> GetImport(int id, PowerImportService imports, CancellationToken cancellationToken) =>
        (await imports.HistoryAsync(cancellationToken)).FirstOrDefault(i => i.Id == id) is { } import
            ? TypedResults.Ok(import)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown import", detail: $"No import {id}.");

    private static async Task<Results<Ok<UsageRow[]>, ProblemHttpResult>> Usage(
        PowerQueries queries, string? sido = null, string? sigungu = null, string? contractType = null, string? from = null, string? to = null,
        CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        string? canonicalSido = null;
        if (!string.IsNullOrWhiteSpace(sido) && !RegionAliases.TryCanonicalSido(sido, out canonicalSido!))
        {
            problems.Add($"Unknown sido '{sido}'.");
        }
        string? type = null;
        if (!string.IsNullOrWhiteSpace(contractType) && (type = ContractTypes.Normalize(contractType)) is null)
        {
            problems.Add($"Unknown contractType '{contractType}'; use one of {string.Join(", ", ContractTypes.All)}.");
        }
        var fromMonth = Month(from, nameof(from), problems);
        var toMonth = Month(to, nameof(to), problems);
        if (fromMonth > toMonth)
        {
            problems.Add($"from ({from}) is after to ({to}).");
        }
        if (problems.Count > 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid query", detail: string.Join(" ", problems));
        }
        // A renamed district is asked for by its old name too (인천 남구 → 미추홀구, 경북 군위군 → 대구 군위군).
        var district = canonicalSido is not null && !string.IsNullOrWhiteSpace(sigungu)
            ? RegionAliases.CanonicalDistrict(canonicalSido, sigungu)
            : new District(canonicalSido ?? "", sigungu?.Trim() ?? "");
        var filter = new UsageFilter(
            district.Sido.Length > 0 ? district.Sido : null,
            district.Sigungu.Length > 0 ? district.Sigungu : null,
            type, fromMonth, toMonth);
        return TypedResults.Ok((await queries.UsageAsync(filter, cancellationToken)).ToArray());
    }

    private static YearMonth? Month(string? text, string name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (YearMonth.TryParse(text.Trim(), out var month))
        {
            return month;
        }
        problems.Add($"{name} '{text}' is not a month (YYYY-MM).");
        return null;
    }
}

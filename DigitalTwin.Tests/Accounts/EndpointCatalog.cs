using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Tests.Accounts;

/// <summary>Who may call an endpoint or open a page: the rows of the roles table, plus the few open doors.</summary>
public enum Access
{
    Anonymous,
    Read,
    Operate,
    Analyze,
    Admin,
    Metrics,
    /// <summary>Any signed-in user, whatever their roles (their own account pages).</summary>
    SignedIn,
}

/// <summary>One endpoint of the running app as the test sees it: its method, route and whether it is a page.</summary>
public sealed record AppEndpoint(string Method, string Route, bool IsPage, Endpoint Endpoint)
{
    public string Key => $"{Method} {Route}";

    public bool AllowsAnonymous => Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    /// <summary>Every endpoint of the app, from its endpoint data source: API routes, pages and the framework's own.</summary>
    public static IReadOnlyList<AppEndpoint> All(IServiceProvider services)
    {
        var endpoints = new List<AppEndpoint>();
        foreach (var source in services.GetServices<EndpointDataSource>())
        {
            foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
            {
                var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
                var isPage = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"];
                endpoints.AddRange(methods.Select(m => new AppEndpoint(isPage ? "PAGE" : m, route, isPage, endpoint)));
            }
        }
        return endpoints.DistinctBy(e => e.Key).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>A URL for the route with plausible values in its parameters (ids that do not exist are fine).</summary>
    public string SampleUrl()
    {
        var pattern = RoutePatternFactory.Parse(Route);
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => SampleValue(parameter),
            _ => "",
        })));
        return "/" + string.Join('/', segments.Where(s => s.Length > 0));
    }

    private static string SampleValue(RoutePatternParameterPart parameter) =>
        parameter.ParameterPolicies.Any(p => p.Content is "long" or "int") ? "987654" : parameter.Name switch
        {
            "documentName" => "v1",
            "Sido" => "서울특별시",
            "Sigungu" => "종로구",
            _ => "no-such-" + parameter.Name.ToLowerInvariant(),
        };
}

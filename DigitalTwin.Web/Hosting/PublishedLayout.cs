namespace DigitalTwin.Web.Hosting;

/// <summary>
/// A published app carries everything beside its binary: wwwroot, appsettings.json and data/ (the sample KEPCO files
/// and district boundaries). Started from any working directory (a service's, a shell's), it uses that folder as its
/// content root, so it finds them, and a relative SQLite path lands there too, not wherever it was started.
/// Under `dotnet run` there is no wwwroot beside the binary (the development manifest serves the assets) and the
/// defaults stand: the content root is the working directory.
/// </summary>
public static class PublishedLayout
{
    public static WebApplicationOptions Options(string[] args)
    {
        var folder = AppContext.BaseDirectory;
        var webRoot = Path.Combine(folder, "wwwroot");
        return Directory.Exists(webRoot)
            ? new WebApplicationOptions { Args = args, ContentRootPath = folder, WebRootPath = webRoot }
            : new WebApplicationOptions { Args = args };
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Bench;

/// <summary>
/// <c>dotnet run -c Release --project DigitalTwin.Bench -- import-memory</c>: uploads KEPCO long CSVs of 10 MB and 100 MB
/// in which every value is broken (one row error per line) to <c>POST /api/power/imports</c> of the real app in this
/// process, and prints per upload the answer (status, body size, row errors listed), the time, the bytes allocated and
/// the peak growth of the managed heap and of the working set over the idle app (sampled every 10 ms).
/// </summary>
internal static class ImportMemoryBench
{
    private const string Line = "2024,1,서울특별시,종로구,주택용,n/a\n";

    public static async Task<int> RunAsync()
    {
        await using var app = new BenchApp(anonymousPublishers: false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)), Timeout = TimeSpan.FromMinutes(10) };
        await BenchApp.SignInAsAdminAsync(http);
        Console.WriteLine("| broken file | status | answer | row errors listed | time | allocated | peak heap growth | peak working-set growth |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var megabytes in new[] { 10, 100 })
        {
            var file = Broken(megabytes * 1024 * 1024);
            await MeasureAsync(http, $"{megabytes} MB ({file.Length / Encoding.UTF8.GetByteCount(Line):N0} rows)", file);
        }
        return 0;
    }

    private static async Task MeasureAsync(HttpClient http, string label, byte[] file)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var (heap0, workingSet0, allocated0) = (GC.GetTotalMemory(false), process.WorkingSet64, GC.GetTotalAllocatedBytes(precise: true));
        var (peakHeap, peakWorkingSet) = (heap0, workingSet0);
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                await Task.Delay(10, CancellationToken.None);
            }
        });
        var clock = Stopwatch.StartNew();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        string status;
        var body = "";
        try
        {
            // Expect: 100-continue, so a refused body is answered (413) instead of cut off while it is being sent.
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/power/imports") { Content = new MultipartFormDataContent { { content, "file", "broken.csv" } } };
            request.Headers.ExpectContinue = true;
            using var response = await http.SendAsync(request);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            body = Encoding.UTF8.GetString(bytes);
            status = string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} | {bytes.Length / 1024.0:N1} KB");
        }
        catch (HttpRequestException ex)
        {
            // Kestrel answers 413 and closes the connection while the client is still sending the body.
            status = $"closed | {ex.InnerException?.GetType().Name ?? ex.GetType().Name}";
        }
        clock.Stop();
        await stop.CancelAsync();
        await sampler;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated0;
        var listed = body.Split("\"row\":", StringSplitOptions.None).Length - 1;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {status} | {listed:N0} | {clock.Elapsed.TotalSeconds:N1} s | {allocated / 1048576.0:N0} MB "
            + $"| {(peakHeap - heap0) / 1048576.0:N0} MB | {(peakWorkingSet - workingSet0) / 1048576.0:N0} MB |"));
    }

    private static byte[] Broken(int bytes)
    {
        var header = Encoding.UTF8.GetBytes("year,month,sido,sigungu,contract_type,kwh\n");
        var line = Encoding.UTF8.GetBytes(Line);
        var file = new byte[header.Length + (bytes - header.Length) / line.Length * line.Length];
        header.CopyTo(file, 0);
        for (var at = header.Length; at < file.Length; at += line.Length)
        {
            line.CopyTo(file, at);
        }
        return file;
    }
}

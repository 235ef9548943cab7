using DigitalTwin.Core.Alerts;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalTwin.Bench;

/// <summary>
/// <c>dotnet run -c Release --project DigitalTwin.Bench -- --devices 1000 --seconds 10</c>, or
/// <c>… -- power-import</c> for the KEPCO import (<see cref="PowerImportBench"/>), or <c>… -- forecast</c> for the
/// forecasting backtest (<see cref="ForecastBench"/>), or <c>… -- history-query</c> for a week of 1 Hz history
/// (<see cref="HistoryQueryBench"/>), or <c>… -- history-write</c> for what checking foreign keys costs the history writer
/// (<see cref="HistoryWriteBench"/>), or <c>… -- devices-page</c> for the /devices page's query over 10,000 devices
/// (<see cref="DevicesPageBench"/>), or <c>… -- memory</c> for the app's memory with 10,000 devices (<see cref="MemoryBench"/>), or <c>… -- import-memory</c> for
/// the memory of refusing 10 MB and 100 MB broken KEPCO uploads (<see cref="ImportMemoryBench"/>), or <c>… -- room-model</c>
/// for fitting and forecasting the room model of 1,000 devices (<see cref="RoomModelBench"/>), or <c>… -- replay</c> to play a real
/// series over MQTT with faults injected (<see cref="ReplayCommand"/>), or <c>… -- fidelity</c> for the fault detector's figures
/// on real series (<see cref="FidelityBench"/>), or <c>… -- browser-latency</c> for publish → value on screen in Chromium
/// (<see cref="BrowserLatencyBench"/>), or <c>… -- cluster</c> for one instance against two in one cluster (<see cref="ClusterBench"/>).
/// Not a top-level program: the web app's <c>Program</c> is the one WebApplicationFactory needs.
/// </summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["power-import", ..])
        {
            return await PowerImportBench.RunAsync(args);
        }
        if (args is ["forecast", ..])
        {
            return await ForecastBench.RunAsync(args);
        }
        if (args is ["history-query", ..])
        {
            return await HistoryQueryBench.RunAsync();
        }
        if (args is ["history-write", ..])
        {
            return await HistoryWriteBench.RunAsync();
        }
        if (args is ["devices-page", ..])
        {
            return await DevicesPageBench.RunAsync(args);
        }
        if (args is ["import-memory", ..])
        {
            return await ImportMemoryBench.RunAsync();
        }
        if (args is ["room-model", ..])
        {
            return RoomModelBench.Run(args);
        }
        if (args is ["browser-latency", ..])
        {
            return await BrowserLatencyBench.RunAsync(args);
        }
        if (args is ["replay", ..])
        {
            return await ReplayCommand.RunAsync(args);
        }
        if (args is ["fidelity", ..])
        {
            return FidelityBench.Run(args);
        }
        if (args is ["cluster", ..])
        {
            return await ClusterBench.RunAsync(args);
        }
        if (args is ["memory", ..])
        {
            return await MemoryBench.RunAsync(args);
        }
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
#if DEBUG
        Console.Error.WriteLine("Warning: Debug build; figures are only meaningful with -c Release.");
#endif

        if (options is { Qos: 1, AppProcess: true })
        {
            Console.WriteLine("Starting the app in a process of its own…");
            await using var process = await AppProcess.StartAsync();
            return await RunSecureAsync(options, process);
        }
        Console.WriteLine("Starting the app in-process…");
        var app = new BenchApp(anonymousPublishers: options.Qos == 0);
        try
        {
            return options.Qos == 0 ? await RunAsync(options, app) : await RunSecureAsync(options, app);
        }
        finally
        {
            await StopAsync(app);
        }
    }

    private static async Task<int> RunAsync(BenchOptions options, BenchApp app)
    {
        var devices = new BenchDevices(options.Devices, options.Publishers);
        var publishers = await MqttConnections.ConnectManyAsync(app.MqttPort, "bench-publisher", options.Publishers);
        await using var baseline = await BrokerBaseline.CreateAsync(publishers, app.MqttPort, options.Window);
        var pipeline = new PipelineRun(app, devices, publishers);

        Console.WriteLine("Warm-up (not measured)…");
        var warmUp = await baseline.RunAsync(TimeSpan.FromSeconds(Math.Min(2, options.Seconds)));
        await pipeline.RunLoadedAsync(Math.Max(warmUp.Sent, options.Devices));

        var rounds = await MeasureAsync(options, baseline, pipeline);
        var light = await pipeline.RunPacedAsync(options.LightRate, TimeSpan.FromSeconds(options.LightSeconds));
        Console.WriteLine($"Adding {AlertRules.Count} alert rules, then the same rounds again…");
        await AlertRules.AddAsync(app, devices);
        var withRules = await MeasureAsync(options, baseline, pipeline);

        Report.Print(new BenchReport(
            options,
            rounds,
            light,
            app.Counters.Snapshot().TotalRejected,
            await app.CountSamplesAsync(),
            ExpectedSamples: pipeline.TotalSent * 3));
        Report.PrintAlerts(rounds, withRules, app.Services.GetRequiredService<AlertEngine>().OpenCount);
        await MqttConnections.DisconnectAllAsync(publishers);
        return 0;
    }

    private static async Task<List<Round>> MeasureAsync(BenchOptions options, BrokerBaseline baseline, PipelineRun pipeline)
    {
        var rounds = new List<Round>();
        for (var i = 1; i <= options.Repeat; i++)
        {
            var raw = await baseline.RunAsync(TimeSpan.FromSeconds(options.Seconds));
            Console.WriteLine($"  round {i}: raw {raw.Rate:N0} msg/s; pipeline…");
            var processed = await pipeline.RunLoadedAsync(raw.Sent);
            rounds.Add(new Round(raw, processed));
            Report.PrintRound(i, rounds[^1]);
        }
        return rounds;
    }

    private static async Task<int> RunSecureAsync(BenchOptions options, ISecureTarget app)
    {
        var devices = new BenchDevices(options.Devices, publishers: 1);
        Console.WriteLine($"Registering {options.Devices:N0} devices and connecting each with its secret, to the app and to a plain mosquitto…");
        var secrets = await app.ProvisionAsync(devices.Ids);
        var clients = await MqttConnections.ConnectDevicesAsync(app.MqttPort, devices.Ids, secrets);
        var run = new SecureRun(app.Committed, devices, clients);
        await using var services = new LocalServices();
        var mosquittoClients = await MqttConnections.ConnectDevicesAsync(await services.StartMosquittoAsync(), devices.Ids, secrets);
        var mosquitto = new SecureRun(committed: null, devices, mosquittoClients);

        Console.WriteLine("Warm-up (not measured)…");
        await mosquitto.RunRawAsync(TimeSpan.FromSeconds(Math.Min(2, options.Seconds)));
        var warmUp = await run.RunRawAsync(TimeSpan.FromSeconds(Math.Min(2, options.Seconds)));
        await run.RunPipelineAsync(Math.Max(warmUp.Sent, options.Devices));

        var rounds = new List<SecureRound>();
        for (var i = 1; i <= options.Repeat; i++)
        {
            var alone = await mosquitto.RunRawAsync(TimeSpan.FromSeconds(options.Seconds));
            var raw = await run.RunRawAsync(TimeSpan.FromSeconds(options.Seconds));
            rounds.Add(new SecureRound(alone, raw, await run.RunPipelineAsync(raw.Sent)));
            SecureReport.PrintRound(i, rounds[^1]);
        }
        SecureReport.Print(options, rounds, await app.RejectedAsync(), await app.CountSamplesAsync(), run.TotalSent * 3);
        await MqttConnections.DisconnectAllAsync(clients);
        await MqttConnections.DisconnectAllAsync(mosquittoClients);
        return 0;
    }

    /// <remarks>
    /// MQTTnet 5.2's server stop sometimes throws "Collection was modified" from MqttTcpServerAdapter.Cleanup
    /// while connections are still closing; the figures are printed by then, so say so instead of crashing.
    /// </remarks>
    private static async Task StopAsync(BenchApp app)
    {
        try
        {
            await app.DisposeAsync();
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine($"Warning: stopping the app failed: {ex.Message}");
        }
    }
}

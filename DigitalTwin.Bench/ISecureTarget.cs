namespace DigitalTwin.Bench;

/// <summary>The app the QoS 1 run measures: in the bench's process (<see cref="BenchApp"/>) or in its own (<see cref="AppProcess"/>).</summary>
internal interface ISecureTarget
{
    int MqttPort { get; }

    /// <summary>Readings committed to history so far, read on every PUBACK; null where it cannot be read that often.</summary>
    Func<long>? Committed { get; }

    Task<IReadOnlyDictionary<string, string>> ProvisionAsync(IReadOnlyList<string> ids);

    Task<long> RejectedAsync();

    Task<long> CountSamplesAsync();
}

namespace DigitalTwin.Core.Devices;

/// <summary>Registers devices a program runs itself (the simulator) and hands it their secrets to keep in memory.</summary>
public interface IDeviceProvisioner
{
    /// <summary>Creates the devices that are missing, issues each a new secret, and returns id → secret.</summary>
    Task<IReadOnlyDictionary<string, string>> ProvisionAsync(IReadOnlyList<DeviceDraft> drafts, CancellationToken cancellationToken);
}

using System.Text;

namespace DigitalTwin.Tests.Power;

/// <summary>The sample files under Power/Samples, copied to the test output.</summary>
public static class PowerSamples
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Power", "Samples", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    /// <summary>A sample's text, decoded as it was written (for tests that corrupt a copy).</summary>
    public static string Text(string name) => Encoding.UTF8.GetString(Bytes(name)).TrimStart('\uFEFF');

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

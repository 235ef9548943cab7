using DigitalTwin.Core.Mqtt;
using DigitalTwin.Tests.Hostile;

namespace DigitalTwin.Tests.Mqtt;

public sealed class PacketSizeScannerTests
{
    [Fact]
    public void Accept_PacketsWithinLimitSplitAnywhere_Accepted()
    {
        byte[] packets = [0x30, 3, 1, 2, 3, 0xC0, 0, 0x30, .. RawMqttSocket.RemainingLength(200), .. new byte[200]];
        var scanner = new PacketSizeScanner(1_024);

        foreach (var b in packets)
        {
            Assert.True(scanner.Accept([b]));
        }
    }

    [Fact]
    public void Accept_HeaderAnnouncingOverLimit_RefusedBeforeBody()
    {
        var scanner = new PacketSizeScanner(1_024);

        Assert.True(scanner.Accept([0x30, 3, 1, 2, 3]));
        Assert.False(scanner.Accept(RawMqttSocket.ConnectHeader(200_000_000)));
        Assert.Equal(200_000_000, scanner.Refused);
    }

    [Fact]
    public void Accept_FiveLengthBytes_Refused()
    {
        Assert.False(new PacketSizeScanner(int.MaxValue).Accept([0x10, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]));
    }
}

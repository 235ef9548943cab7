namespace DigitalTwin.Core.Mqtt;

/// <summary>
/// Follows the MQTT packet boundaries in a received byte stream and stops a packet whose fixed header announces
/// more than the limit, before the broker allocates a buffer for it. Fed every byte read, in order.
/// </summary>
public sealed class PacketSizeScanner(int maxPacketSize)
{
    private State _state = State.TypeByte;
    private int _remaining;
    private int _multiplier;
    private int _headerLength;

    /// <summary>The remaining length of the packet that broke the limit, once one has.</summary>
    public long Refused { get; private set; }

    /// <summary>False as soon as a fixed header announces a packet over the limit (or is malformed).</summary>
    public bool Accept(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            switch (_state)
            {
                case State.TypeByte:
                    (_state, _remaining, _multiplier, _headerLength) = (State.Length, 0, 1, 1);
                    i++;
                    break;
                case State.Length:
                    if (!ReadLengthByte(bytes[i++]))
                    {
                        return false;
                    }
                    break;
                default:
                    var take = Math.Min(_remaining, bytes.Length - i);
                    i += take;
                    _remaining -= take;
                    _state = _remaining == 0 ? State.TypeByte : State.Body;
                    break;
            }
        }
        return true;
    }

    private bool ReadLengthByte(byte value)
    {
        _headerLength++;
        _remaining += (value & 0x7F) * _multiplier;
        if ((value & 0x80) != 0)
        {
            _multiplier *= 128;
            // A fifth length byte is malformed: treat it as too large.
            return _headerLength < 5 || Refuse(_remaining);
        }
        if ((long)_remaining + _headerLength > maxPacketSize)
        {
            return Refuse(_remaining);
        }
        _state = _remaining == 0 ? State.TypeByte : State.Body;
        return true;
    }

    private bool Refuse(long remaining)
    {
        Refused = remaining;
        return false;
    }

    private enum State
    {
        TypeByte,
        Length,
        Body,
    }
}

namespace DigitalTwin.Web.Problems;

/// <summary>What a value of a type looks like, in words, for a field error ("expected a number").</summary>
internal static class AcceptedValues
{
    public static string? Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return $"expected one of {string.Join(", ", Enum.GetNames(type))}";
        }
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
                or TypeCode.Int64 or TypeCode.UInt64 => "expected a whole number",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "expected a number",
            TypeCode.Boolean => "expected true or false",
            TypeCode.String or TypeCode.Char => "expected a string",
            TypeCode.DateTime => "expected an ISO-8601 date and time, e.g. \"2024-05-01T09:00:00Z\"",
            _ when type == typeof(DateTimeOffset) => "expected an ISO-8601 date and time, e.g. \"2024-05-01T09:00:00Z\"",
            _ when type == typeof(TimeSpan) => "expected a duration, e.g. \"00:05:00\" (hh:mm:ss) or \"1.00:00:00\" (1 day)",
            _ when type == typeof(Guid) => "expected a GUID",
            _ when type.IsAssignableTo(typeof(System.Collections.IDictionary))
                || type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)) => "expected a JSON object",
            _ when type != typeof(string) && type.IsAssignableTo(typeof(System.Collections.IEnumerable)) => "expected a JSON array",
            _ => null,
        };
    }
}

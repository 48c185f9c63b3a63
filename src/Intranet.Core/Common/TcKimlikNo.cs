namespace Intranet.Core.Common;

/// <summary>
/// The Turkish national identity number: 11 digits, first not 0; digit 10 = ((d1+d3+d5+d7+d9)*7 - (d2+d4+d6+d8)) mod 10;
/// digit 11 = (sum of the first ten) mod 10.
/// </summary>
public static class TcKimlikNo
{
    public static bool IsValid(string? value)
    {
        if (value is null || value.Length != 11 || value[0] == '0') return false;
        Span<int> d = stackalloc int[11];
        for (var i = 0; i < 11; i++)
        {
            if (value[i] is < '0' or > '9') return false;
            d[i] = value[i] - '0';
        }
        var odd = d[0] + d[2] + d[4] + d[6] + d[8];
        var even = d[1] + d[3] + d[5] + d[7];
        var tenth = ((odd * 7 - even) % 10 + 10) % 10;
        if (d[9] != tenth) return false;
        var sum = 0;
        for (var i = 0; i < 10; i++) sum += d[i];
        return d[10] == sum % 10;
    }

    /// <summary>Shows only the last two digits, as KVKK asks for lists: "*********46".</summary>
    public static string Mask(string? value) =>
        string.IsNullOrEmpty(value) ? string.Empty : new string('*', Math.Max(0, value.Length - 2)) + value[^Math.Min(2, value.Length)..];
}

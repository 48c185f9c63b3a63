using System.Security.Cryptography;
using System.Text;

namespace Intranet.Core.Common;

/// <summary>
/// Secrets that sit in a link (a wall screen's sign-in, a calendar subscription): 256 random bits, URL-safe. Only the
/// SHA-256 is stored, so a copy of the database does not give the links away.
/// </summary>
public static class SecretToken
{
    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

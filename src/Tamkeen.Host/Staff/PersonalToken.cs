using System.Security.Cryptography;
using System.Text;

namespace Tamkeen.Host.Staff;

/// <summary>
/// An API token a member of staff made for themself in the console. Only its SHA-256 is stored: the token is shown once,
/// and 32 random characters need no slow hash.
/// </summary>
public sealed class PersonalToken
{
    private const string Prefix = "tmk_";
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public long Id { get; set; }
    public required string UserName { get; set; }
    public required string Label { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public static string NewToken() => Prefix + RandomNumberGenerator.GetString(Alphabet, 32);

    public static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

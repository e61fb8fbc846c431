using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Tamkeen.Host.Channels.WebChat;

/// <summary>
/// The visitor's chat session: a random id, which is the sender address, kept in an HttpOnly cookie that the server
/// protects (encrypts and signs with its key ring). Only a cookie the server issued opens a conversation: a value a
/// visitor or someone else chose, such as another session's id planted in a victim's browser, gets a fresh session.
/// </summary>
public sealed class WebChatSession(IDataProtectionProvider protection)
{
    public const string CookieName = "tamkeen_chat";

    private readonly IDataProtector _protector = protection.CreateProtector("Tamkeen.WebChat.Session");

    /// <summary>The visitor's session, if they have one the server issued.</summary>
    /// <remarks>Read once per request: the rate limiter and then the endpoint both ask, and unprotecting is a decryption.</remarks>
    public string? Existing(HttpContext context)
    {
        if (context.Items.TryGetValue(_protector, out var read)) return (string?)read;
        var id = context.Request.Cookies.TryGetValue(CookieName, out var cookie) ? IdIn(cookie) : null;
        context.Items[_protector] = id;
        return id;
    }

    public string GetOrCreate(HttpContext context)
    {
        if (Existing(context) is { } existing) return existing;
        var id = Guid.NewGuid().ToString("N");
        context.Response.Cookies.Append(CookieName, CookieFor(id), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(180),
            IsEssential = true,
        });
        return id;
    }

    /// <summary>The cookie value the server issues for a session.</summary>
    public string CookieFor(string id) => _protector.Protect(id);

    /// <summary>The session a cookie value names, or null for one the server did not issue.</summary>
    public string? IdIn(string cookie)
    {
        try
        {
            return _protector.Unprotect(cookie) is { Length: 32 } id && id.All(char.IsAsciiHexDigitLower) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

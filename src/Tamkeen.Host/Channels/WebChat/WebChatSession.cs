namespace Tamkeen.Host.Channels.WebChat;

/// <summary>The visitor's chat session: a random id in an HttpOnly cookie, which is the sender address.</summary>
public static class WebChatSession
{
    public const string CookieName = "tamkeen_chat";

    /// <summary>The visitor's session, if they have one.</summary>
    public static string? Existing(HttpContext context) =>
        context.Request.Cookies.TryGetValue(CookieName, out var id) && IsValid(id) ? id : null;

    public static string GetOrCreate(HttpContext context)
    {
        if (Existing(context) is { } id) return id;
        id = Guid.NewGuid().ToString("N");
        context.Response.Cookies.Append(CookieName, id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(180),
            IsEssential = true,
        });
        return id;
    }

    private static bool IsValid(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);
}

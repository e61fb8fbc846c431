using System.Net.Http.Headers;

namespace Tamkeen.Host.Tests;

/// <summary>The staff requests API as a member of staff ("sara") calls it.</summary>
public static class StaffApi
{
    public const string Token = "test-token-for-sara-0123456789abcdef";

    /// <summary>The setting that gives sara her token.</summary>
    public static readonly string[] Settings = [$"--Staff:ApiTokens:sara={Token}"];

    /// <param name="token">Sent as the bearer token; null sends none.</param>
    public static HttpClient Client(RunningService service, string? token = Token)
    {
        var client = new HttpClient { BaseAddress = service.BaseAddress };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

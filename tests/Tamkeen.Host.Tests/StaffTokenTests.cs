using System.Net;

namespace Tamkeen.Host.Tests;

/// <summary>The staff API's sign-in as HTTP defines it: the auth scheme's letter case does not matter (RFC 7235), the token's does.</summary>
public class StaffTokenTests
{
    [Theory]
    [InlineData("Bearer", StaffApi.Token, HttpStatusCode.OK)]
    [InlineData("bearer", StaffApi.Token, HttpStatusCode.OK)]
    [InlineData("BEARER", StaffApi.Token, HttpStatusCode.OK)]
    [InlineData("bearer", "test-token-for-sara-0123456789ABCDEF", HttpStatusCode.Unauthorized)]
    [InlineData("Basic", StaffApi.Token, HttpStatusCode.Unauthorized)]
    public async Task The_bearer_scheme_is_read_in_any_letter_case_and_a_wrong_token_is_still_refused(string scheme, string token, HttpStatusCode expected)
    {
        await using var service = await RunningService.StartAsync(settings: StaffApi.Settings);
        using var staff = StaffApi.Client(service, token: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/staff/requests");
        request.Headers.TryAddWithoutValidation("Authorization", $"{scheme} {token}");

        Assert.Equal(expected, (await staff.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);
    }
}

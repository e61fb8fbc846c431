using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tamkeen.Host.Staff;

namespace Tamkeen.Host.Tests;

/// <summary>The staff console as a member of staff uses it: an account, and a client signed in through the sign-in form.</summary>
public static partial class StaffConsole
{
    public const string Password = "a long enough staff pass phrase";

    /// <summary>Creates an account (its password already chosen) and returns a client signed in with it, holding the cookie.</summary>
    public static async Task<HttpClient> SignedInAsync(RunningService service, string role = StaffRoles.Staff, string? name = null)
    {
        name ??= $"{role}-{Guid.NewGuid():N}"[..16];
        await CreateAccountAsync(service, name, role);
        var client = NewBrowser(service);
        using var response = await SignInAsync(client, name, Password);
        Assert.Equal("/staff/", response.RequestMessage!.RequestUri!.AbsolutePath);
        return client;
    }

    public static async Task CreateAccountAsync(RunningService service, string name, string role, string password = Password)
    {
        await using var scope = service.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = name };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
    }

    /// <summary>A client that keeps cookies and follows redirects, as a browser does.</summary>
    public static HttpClient NewBrowser(RunningService service) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = service.BaseAddress };

    /// <summary>Fills in and posts the sign-in form; the response is the page it ends on, after redirects.</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string name, string password) =>
        PostFormAsync(client, "staff/signin", "signin", ("Input.UserName", name), ("Input.Password", password));

    /// <summary>Opens the page, takes its form's anti-forgery token, and posts the fields as the form would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string form, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(page);
        var token = AntiforgeryToken().Match(html).Groups[1].Value;
        Assert.NotEmpty(token);
        var body = new FormUrlEncodedContent([new("_handler", form), new("__RequestVerificationToken", WebUtility.HtmlDecode(token)),
            .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
        return await client.PostAsync(page, body);
    }

    /// <summary>As <see cref="PostFormAsync"/>, as multipart form data with one file, as a form with a file input posts it.</summary>
    public static async Task<HttpResponseMessage> PostFormWithFileAsync(HttpClient client, string page, string form, (string Name, string FileName, string ContentType, byte[] Content) file,
        params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(page);
        var token = AntiforgeryToken().Match(html).Groups[1].Value;
        Assert.NotEmpty(token);
        var body = new MultipartFormDataContent
        {
            { new StringContent(form), "_handler" },
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields) body.Add(new StringContent(value), name);
        var content = new ByteArrayContent(file.Content);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
        body.Add(content, file.Name, file.FileName);
        return await client.PostAsync(page, body);
    }

    private static void Check(IdentityResult result) => Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

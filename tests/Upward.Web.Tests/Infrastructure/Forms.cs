using System.Net;
using System.Text.RegularExpressions;

namespace Upward.Web.Tests.Infrastructure;

/// <summary>Submits a page's form as a browser would: GET the page, take its antiforgery token, POST.</summary>
public static partial class Forms
{
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string pageUrl, IDictionary<string, string> fields, string? postUrl = null)
    {
        var page = await client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        // An error page still carries the layout's sign-out form and its token, so without this check a
        // form whose page fails to load would be posted anyway and the failure would go unseen.
        if ((int)page.StatusCode >= 400)
        {
            throw new InvalidOperationException($"{pageUrl} answered {(int)page.StatusCode}, so its form cannot be filled in");
        }
        var token = TokenPattern().Match(html);
        if (!token.Success)
        {
            throw new InvalidOperationException($"{pageUrl} ({(int)page.StatusCode}) has no antiforgery token");
        }
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(form));
    }

    /// <summary>
    /// Sends one form <paramref name="copies"/> times at once, as a double tap or several tabs would:
    /// the page is read once for its antiforgery token, then every copy is posted together.
    /// </summary>
    public static async Task<HttpResponseMessage[]> SubmitAtOnceAsync(this HttpClient client, int copies, string pageUrl, IDictionary<string, string> fields, string? postUrl = null)
    {
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = await client.TokenAsync(pageUrl) };
        return await Task.WhenAll(Enumerable.Range(0, copies).Select(_ => client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent(form))));
    }

    /// <summary>The antiforgery token of the page at <paramref name="pageUrl"/>, for posts sent later or many at once.</summary>
    public static async Task<string> TokenAsync(this HttpClient client, string pageUrl)
    {
        var token = TokenPattern().Match(await client.GetStringAsync(pageUrl));
        return token.Success ? WebUtility.HtmlDecode(token.Groups[1].Value) : throw new InvalidOperationException($"{pageUrl} has no antiforgery token");
    }

    /// <summary>Uploads a file through a page's multipart form, with its antiforgery token (to <paramref name="postUrl"/> if given).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string pageUrl, string field, string fileName, byte[] content, string? postUrl = null)
    {
        var html = await client.GetStringAsync(pageUrl);
        var token = TokenPattern().Match(html);
        if (!token.Success)
        {
            throw new InvalidOperationException($"{pageUrl} has no antiforgery token");
        }
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new ByteArrayContent(content), field, fileName },
        };
        return await client.PostAsync(postUrl ?? pageUrl, form);
    }

    /// <summary>The first link in an email body that starts with <paramref name="prefix"/> after the host.</summary>
    public static string LinkIn(string? body, string pathPrefix)
    {
        var match = Regex.Match(body ?? "", @"https?://[^\s/]+(" + Regex.Escape(pathPrefix) + @"[^\s]*)");
        if (!match.Success)
        {
            throw new InvalidOperationException($"No {pathPrefix} link in: {body}");
        }
        return match.Groups[1].Value;
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        await client.SubmitAsync("/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

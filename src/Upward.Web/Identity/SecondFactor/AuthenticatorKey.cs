using System.Text;
using QRCoder;

namespace Upward.Web.Identity.SecondFactor;

/// <summary>How an authenticator key is shown: in groups of four to type, as an otpauth URI, and as a QR code of it.</summary>
public static class AuthenticatorKey
{
    public static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) text.Append(' ');
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return text.ToString().ToLowerInvariant();
    }

    public static string Uri(string email, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString("Upward:" + email)}?secret={key}&issuer=Upward&digits=6";

    /// <summary>An inline SVG (markup, no script), so the page needs nothing a content security policy would refuse.</summary>
    public static string QrSvg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }
}

using System.Text;

namespace Tamkeen.Host.Reports;

/// <summary>A report's figures as CSV that Excel opens with the Arabic intact: UTF-8 with its byte order mark.</summary>
public static class ReportCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(IEnumerable<ReportLine> lines)
    {
        var csv = new StringBuilder().Append("القسم,البند,القيمة\r\n");
        foreach (var line in lines) csv.Append(Field(line.Section)).Append(',').Append(Field(line.Item)).Append(',').Append(line.Text).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    // RFC 4180 quoting; a leading = + - @ is kept from being read as a formula by Excel.
    private static string Field(string text)
    {
        if (text.Length > 0 && "=+-@".Contains(text[0])) text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}

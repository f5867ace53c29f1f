using System.Text.RegularExpressions;

namespace Recruitment.Web.Shared;

/// <summary>Turns the server's "missing" paths (basic.email, education[0].school) into words.</summary>
public static partial class MissingText
{
    [GeneratedRegex(@"^(certificates|education)\[(\d+)\]\.(.+)$")]
    private static partial Regex Indexed();

    public static string Describe(Texts t, string path)
    {
        if (t.Has("missing." + path)) return t["missing." + path];
        var m = Indexed().Match(path);
        if (m.Success)
        {
            var section = m.Groups[1].Value;
            var index = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1;
            var entry = section == "education" ? t.Format("profile.edu.entry", index) : t.Format("profile.cert.entry", index);
            var field = section == "education" ? "profile.edu." + m.Groups[3].Value : "profile.cert." + m.Groups[3].Value;
            return $"{t[section == "education" ? "profile.education" : "profile.certificates"]} · {entry} · {t[field]}";
        }
        if (path.StartsWith("basic.", StringComparison.Ordinal))
        {
            var key = "profile." + path["basic.".Length..];
            return $"{t["profile.basic"]} · {t[key]}";
        }
        return path;
    }
}

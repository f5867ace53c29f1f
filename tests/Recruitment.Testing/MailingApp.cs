namespace Recruitment.Testing;

/// <summary>A host whose e-mail goes to a real SMTP server inside the test process.</summary>
public class MailingApp : RecruitmentApp
{
    public const string PublicBaseUrl = "https://zhaolu.example.cn/";

    public TestSmtpServer Smtp { get; } = TestSmtpServer.Start();

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        foreach (var (key, value) in Smtp.HostSettings()) settings[key] = value;
        settings["Notifications:PublicBaseUrl"] = PublicBaseUrl;
        return settings;
    }
}

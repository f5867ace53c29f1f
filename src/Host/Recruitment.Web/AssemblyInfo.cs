// 'Shared' is a Visual Basic keyword; the web client is C# only and the folder follows Blazor's convention.
[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Scope = "namespace", Target = "~N:Recruitment.Web.Shared",
    Justification = "C# only; Blazor's conventional folder name")]

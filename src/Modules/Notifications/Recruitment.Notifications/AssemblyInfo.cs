using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Recruitment.Notifications.Tests")]

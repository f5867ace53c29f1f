namespace Recruitment.Examination.Domain;

/// <summary>Examination's own copy of a recruitment cycle: the bases that interview and the import deadlines.</summary>
internal sealed class ExamCycle
{
    public int Id { get; set; }
    public string Version { get; set; } = "";
    public List<string> BaseCodes { get; set; } = [];
    public string AssistantGpBase { get; set; } = "";
    public DateTimeOffset InterviewDeadline { get; set; }
    public DateTimeOffset ScoreImportDeadline { get; set; }
    public DateTimeOffset ProposedAdmissionLock { get; set; }
}

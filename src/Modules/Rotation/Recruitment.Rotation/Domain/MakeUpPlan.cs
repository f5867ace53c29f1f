namespace Recruitment.Rotation.Domain;

/// <summary>
/// Rotation's copy of an exemption determination: the reduced training months and the make-up content a
/// personalised plan must cover ("what is missing, make it up", ROT-04, ROT-06). Id = the candidate id.
/// </summary>
internal sealed class MakeUpPlan
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public bool Approved { get; set; }
    public int TrainingMonths { get; set; }
    public List<MakeUpItem> MakeUpItems { get; set; } = [];
    public int Revision { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
}

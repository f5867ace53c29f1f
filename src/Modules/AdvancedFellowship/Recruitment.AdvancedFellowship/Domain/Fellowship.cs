namespace Recruitment.AdvancedFellowship.Domain;

/// <summary>FEL-27 (Decision): the status machine, from draft to certificate.</summary>
internal enum FellowshipStatus
{
    DRAFT, SUBMITTED, UNDER_REVIEW, PROPOSED, NOTICE_ISSUED, REPORTED, IN_TRAINING, ASSESSED, CERTIFIED, NOT_CERTIFIED,
    REJECTED, WITHDRAWN, RETURNED,
}

/// <summary>
/// One person's fellowship in one cycle, event sourced from the first draft to the certificate: the stream is the
/// audit trail (every decision with actor, time and reason) and the applicant's timeline. The fellow is the same
/// stream once reported, so a fellow's id is their application's id. A withdrawn applicant applies again on the
/// same stream while the window is open.
/// </summary>
internal sealed class Fellowship
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public Guid ApplicantId { get; set; }
    public string DocumentNumber { get; set; } = "";
    public string Name { get; set; } = "";
    public string Mobile { get; set; } = "";
    public FellowshipForm? Form { get; set; }
    public int? PositionNo { get; set; }
    public PostType? PostType { get; set; }
    public string? SendingUnitName { get; set; }
    public FellowshipStatus Status { get; set; }
    public List<string> Flags { get; set; } = [];
    public List<FlagAcknowledgement> Acknowledgements { get; set; } = [];
    public List<SubmittedDocument> Documents { get; set; } = [];
    public string? Reason { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>True while this person holds a place of their row's quota (from proposal until withdrawal or rejection).</summary>
    public bool HoldsPlace { get; set; }
    public int? PlaceNumber { get; set; }
    public AdmissionNotice? Notice { get; set; }
    public List<ReportingTick> ReportingTicks { get; set; } = [];
    public DateOnly? ReportedOn { get; set; }
    public List<PerformanceEvaluation> Evaluations { get; set; } = [];
    public MentorAssignment? Mentor { get; set; }
    public List<RotationBlock> Rotation { get; set; } = [];
    public string? SingleSiteReason { get; set; }
    public DateOnly? TrainingStart { get; set; }
    public DateOnly? TrainingEnd { get; set; }
    public List<ResearchProject> Projects { get; set; } = [];
    public List<BlsResult> BlsResults { get; set; } = [];
    public AclsRecommendation? Acls { get; set; }
    public List<Assessment> Assessments { get; set; } = [];
    public Grade? FinalGrade { get; set; }
    public CompletionCertificate? Certificate { get; set; }

    public int? DurationMonths => Form?.DurationMonths;

    public IReadOnlyList<string> UnacknowledgedFlags => Flags.Where(f => Acknowledgements.All(a => a.Flag != f)).ToList();

    /// <summary>A fellow exists from reporting on (the fellow routes answer 404 before).</summary>
    public bool IsFellow => ReportedOn is not null;

    public void Apply(ApplicationDrafted e) => On(e);
    public void Apply(ApplicationSubmitted e) => On(e);
    public void Apply(ApplicationEdited e) => On(e);
    public void Apply(ApplicationWithdrawn e) => On(e);
    public void Apply(ReviewStarted e) => On(e);
    public void Apply(FlagAcknowledged e) => On(e);
    public void Apply(ApplicationProposed e) => On(e);
    public void Apply(ApplicationRejected e) => On(e);
    public void Apply(NoticeIssued e) => On(e);
    public void Apply(ReportingDocumentsTicked e) => On(e);
    public void Apply(FellowReported e) => On(e);
    public void Apply(PerformanceEvaluated e) => On(e);
    public void Apply(MentorAssigned e) => On(e);
    public void Apply(MentorEnded e) => On(e);
    public void Apply(SiteRotationPlanned e) => On(e);
    public void Apply(TrainingStarted e) => On(e);
    public void Apply(ProjectRegistered e) => On(e);
    public void Apply(BlsResultRecorded e) => On(e);
    public void Apply(AclsRecommended e) => On(e);
    public void Apply(FellowReturned e) => On(e);
    public void Apply(AssessmentRecorded e) => On(e);
    public void Apply(CertificateIssued e) => On(e);
    public void Apply(CertificateWithheld e) => On(e);

    internal void On(IFellowshipEvent e)
    {
        UpdatedAt = e.At;
        switch (e)
        {
            case ApplicationDrafted d:
                Identify(d.Year, d.ApplicantId, d.DocumentNumber, d.Name, d.Mobile);
                Fill(d.Form, [], []);
                Status = FellowshipStatus.DRAFT;
                SubmittedAt = null;
                break;
            case ApplicationSubmitted s:
                Identify(s.Year, s.ApplicantId, s.DocumentNumber, s.Name, s.Mobile);
                Fill(s.Form, s.Flags, s.Documents);
                Status = FellowshipStatus.SUBMITTED;
                SubmittedAt = s.At;
                break;
            case ApplicationEdited edited:
                Fill(edited.Form, edited.Flags, edited.Documents);
                break;
            case ApplicationWithdrawn w:
                Status = FellowshipStatus.WITHDRAWN;
                Reason = w.Reason;
                HoldsPlace = false;
                break;
            case ReviewStarted:
                Status = FellowshipStatus.UNDER_REVIEW;
                break;
            case FlagAcknowledged a:
                Acknowledgements.RemoveAll(x => x.Flag == a.Flag);
                Acknowledgements.Add(new FlagAcknowledgement(a.Flag, a.Reason, a.Actor, a.At));
                break;
            case ApplicationProposed p:
                Status = FellowshipStatus.PROPOSED;
                HoldsPlace = true;
                PlaceNumber = p.PlaceNumber;
                Reason = null;
                break;
            case ApplicationRejected r:
                Status = FellowshipStatus.REJECTED;
                Reason = r.Reason;
                HoldsPlace = false;
                break;
            case NoticeIssued n:
                Status = FellowshipStatus.NOTICE_ISSUED;
                Notice = new AdmissionNotice(n.Number, n.ReportingDate, Notice?.IssuedOn ?? ChinaTime.Date(n.At));
                break;
            case ReportingDocumentsTicked t:
                ReportingTicks = [.. t.Items];
                break;
            case FellowReported r:
                Status = FellowshipStatus.REPORTED;
                ReportedOn = r.ReportedOn;
                break;
            case PerformanceEvaluated p:
                Evaluations.Add(p.Evaluation);
                break;
            case MentorAssigned m:
                Mentor = m.Mentor;
                break;
            case MentorEnded:
                Mentor = null;
                break;
            case SiteRotationPlanned plan:
                Rotation = [.. plan.Blocks.OrderBy(b => b.Start)];
                SingleSiteReason = plan.SingleSiteReason;
                if (Status == FellowshipStatus.IN_TRAINING) TrainingEnd = Rotation[^1].End;
                break;
            case TrainingStarted t:
                Status = FellowshipStatus.IN_TRAINING;
                TrainingStart = t.Start;
                TrainingEnd = t.End;
                break;
            case ProjectRegistered p:
                Projects.Add(p.Project);
                break;
            case BlsResultRecorded b:
                BlsResults.Add(b.Result);
                break;
            case AclsRecommended a:
                Acls = a.Recommendation;
                break;
            case FellowReturned r:
                Status = FellowshipStatus.RETURNED;
                Reason = r.Reason;
                Mentor = null;
                break;
            case AssessmentRecorded a:
                Assessments.Add(a.Assessment);
                if (a.Assessment.IsFinal)
                {
                    Status = FellowshipStatus.ASSESSED;
                    FinalGrade = a.Assessment.Grade;
                    Mentor = null;
                }
                break;
            case CertificateIssued c:
                Status = FellowshipStatus.CERTIFIED;
                Certificate = c.Certificate;
                break;
            case CertificateWithheld w:
                Status = FellowshipStatus.NOT_CERTIFIED;
                Reason = w.Reason;
                break;
        }
    }

    private void Identify(int year, Guid applicantId, string documentNumber, string name, string mobile)
    {
        Year = year;
        ApplicantId = applicantId;
        DocumentNumber = documentNumber;
        Name = name;
        Mobile = mobile;
    }

    private void Fill(FellowshipForm form, IReadOnlyList<string> flags, IReadOnlyList<SubmittedDocument> documents)
    {
        Form = form;
        PositionNo = form.PositionNo;
        PostType = form.PostType;
        SendingUnitName = form.SendingUnit?.Name?.Trim();
        Flags = [.. flags];
        Acknowledgements = [];
        Documents = [.. documents];
        Reason = null;
        // A new submission after a withdrawal starts selection afresh: no place, notice or reporting ticks carry over.
        HoldsPlace = false;
        PlaceNumber = null;
        Notice = null;
        ReportingTicks = [];
    }
}

/// <summary>The places taken in one position row of one year (FEL-10); one stream per row, so proposals serialise on it.</summary>
internal sealed class PositionQuota
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public int PositionNo { get; set; }
    /// <summary>Places moved in (+) or out (-) by Sci &amp; Ed (FEL-10).</summary>
    public int Adjustment { get; set; }
    public List<Guid> Holders { get; set; } = [];
    /// <summary>Places ever taken in the row: numbers notices and certificates.</summary>
    public int Sequence { get; set; }

    public static Guid IdFor(int year, int positionNo) => StreamIds.For($"advanced-fellowship/quota/{year}/{positionNo}");

    public int Effective(Position position) => position.Quota + Adjustment;

    public int Free(Position position) => Effective(position) - Holders.Count;

    public void Apply(PlaceTaken e)
    {
        Locate(e);
        if (!Holders.Contains(e.ApplicationId)) Holders.Add(e.ApplicationId);
        Sequence++;
    }

    public void Apply(PlaceReleased e)
    {
        Locate(e);
        Holders.Remove(e.ApplicationId);
    }

    public void Apply(PlacesMoved e)
    {
        Locate(e);
        Adjustment += e.Delta;
    }

    private void Locate(IQuotaEvent e)
    {
        Year = e.Year;
        PositionNo = e.PositionNo;
    }
}

/// <summary>The fellows a mentor currently supervises (FEL-18), one stream per mentor across cycles.</summary>
internal sealed class MentorRoster
{
    public Guid Id { get; set; }
    public string StaffNo { get; set; } = "";
    public List<Guid> Fellows { get; set; } = [];

    public static string Normalise(string staffNo) => staffNo.Trim().ToUpperInvariant();

    public static Guid IdFor(string staffNo) => StreamIds.For($"advanced-fellowship/mentor/{Normalise(staffNo)}");

    public void Apply(MentorTookFellow e)
    {
        StaffNo = e.StaffNo;
        if (!Fellows.Contains(e.FellowId)) Fellows.Add(e.FellowId);
    }

    public void Apply(MentorReleasedFellow e)
    {
        StaffNo = e.StaffNo;
        Fellows.Remove(e.FellowId);
    }
}

internal static class StreamIds
{
    /// <summary>A stable stream id for a natural key, so every writer of the key meets on the same stream.</summary>
    public static Guid For(string key) => new(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
}

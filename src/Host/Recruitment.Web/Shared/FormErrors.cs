namespace Recruitment.Web.Shared;

/// <summary>
/// The errors of one form: the browser's own checks (before sending) and the server's refusal, each
/// attached to the field it concerns. A refusal whose field the form does not show is shown for the
/// whole form instead (<see cref="FormLevel"/>), so no refusal is ever lost.
/// </summary>
/// <remarks>
/// <paramref name="fieldOf"/> names the field for codes whose usual field (<see cref="Refusals.FieldOf"/>) means another
/// one on this form: on the change-password form a weak password concerns the new password, not the current one.
/// </remarks>
public sealed class FormErrors(IEnumerable<string> fields, IReadOnlyDictionary<string, string>? fieldOf = null)
{
    private readonly HashSet<string> _fields = new(fields, StringComparer.Ordinal);
    private readonly Dictionary<string, string> _client = new(StringComparer.Ordinal);

    public Problem? Problem { get; private set; }

    public bool HasClientErrors => _client.Count > 0;

    public void Clear()
    {
        _client.Clear();
        Problem = null;
    }

    public void Add(string field, string message) => _client[field] = message;

    public void Remove(string field) => _client.Remove(field);

    public void Refused(Problem problem) => Problem = problem;

    /// <summary>The field the server's refusal belongs to, when the form shows it.</summary>
    public string? ProblemField => Problem is null ? null : FieldOf(Problem.Code) is { Length: > 0 } f && _fields.Contains(f) ? f : null;

    private string FieldOf(string? code) => code is not null && fieldOf?.TryGetValue(code, out var f) == true ? f : Refusals.FieldOf(code);

    /// <summary>The text beside <paramref name="field"/>: the browser's check, else the server's detail for its code.</summary>
    public string? For(string field) =>
        _client.TryGetValue(field, out var message) ? message
        : Problem is not null && ProblemField == field ? Problem.Message
        : null;

    public bool Has(string field) => For(field) is not null;

    /// <summary>The refusal concerns the form as a whole (or a field this form does not show).</summary>
    public bool FormLevel => Problem is not null && ProblemField is null;
}

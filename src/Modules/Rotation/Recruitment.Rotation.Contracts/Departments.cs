namespace Recruitment.Rotation.Contracts;

/// <summary>
/// Asked in process by a module that names rotation departments, such as TrainingExemption's make-up content (EXM-10,
/// ROT-04): which of these codes are not departments of Rotation's catalogue. The catalogue is Rotation's reference
/// data; the asker never reads Rotation's store. Answered in process; no state changes.
/// </summary>
public sealed record CheckDepartments(IReadOnlyList<string> Codes);

/// <summary>The answer: the codes (as asked) that no department of the catalogue has; empty when all are known.</summary>
public sealed record DepartmentCheck(IReadOnlyList<string> Unknown);

namespace Recruitment.Publications.Contracts;

/// <summary>One printed line of a verification answer: only facts that may be public (never an ID number).</summary>
public sealed record DocumentFact(string Label, string Value);

/// <summary>
/// A module is about to hand out a printed document: Publications records it for GET /verify/{code} and
/// answers its code. The same <paramref name="SubjectKey"/> (document kind + the module's id for it) always
/// gets the same code, so a reprint carries the code of the first print, with the facts brought up to date.
/// </summary>
public sealed record RegisterDocument(string SubjectKey, string Title, string HolderName, string Issuer,
    IReadOnlyList<DocumentFact> Facts, DateTimeOffset IssuedAt);

public sealed record DocumentRegistered(string Code);

/// <summary>A module withdraws a document it issued (an admission revoked): its code then verifies as withdrawn.</summary>
public sealed record WithdrawDocument(string SubjectKey, string Reason, DateTimeOffset At);

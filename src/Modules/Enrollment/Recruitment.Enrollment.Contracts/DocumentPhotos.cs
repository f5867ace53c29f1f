namespace Recruitment.Enrollment.Contracts;

/// <summary>
/// Another module prints a document with the applicant's photo (the exam admission ticket): Enrollment, which owns
/// the photo (ENR-11), answers its stored bytes in process, so no module reads Enrollment's schema.
/// </summary>
public sealed record PhotoForDocument(Guid ApplicantId);

/// <summary>The stored photo (JPEG or PNG, metadata stripped), or null when none was uploaded.</summary>
public sealed record DocumentPhoto(byte[]? Bytes);

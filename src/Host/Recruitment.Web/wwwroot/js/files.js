// Saves bytes the client fetched with its in-memory access token (a PDF) as a download: a plain link cannot carry
// the Authorization header. Loaded only when the user asks for a file.
export function save(fileName, contentType, bytes) {
    const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
}

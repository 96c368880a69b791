/** Saves a file the API answered (a CSV, a calendar) under `name`, as a link's download would. */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Chromium reads the blob after the click returns.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/**
 * Saves text the background produced (CSV) as a file. Works from the popup and from the content
 * script: an object URL and a detached link need no download permission and touch no page DOM.
 */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.click();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "qb-sync-entities-<company>-2026-05-01.csv": safe characters only. */
export function csvFileName(kind: string, companyName: string, now = new Date()): string {
  const slug =
    companyName
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'company';
  return `qb-sync-${kind}-${slug}-${now.toISOString().slice(0, 10)}.csv`;
}

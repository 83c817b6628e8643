// HTML to PDF by Apps Script itself (Blob.getAs), base64 for the sidebar to download: no Drive file and no Drive scope.
export function pdfBase64(html: string, filename: string): string {
  const pdf = Utilities.newBlob(html, 'text/html', `${filename}.html`).getAs('application/pdf');
  return Utilities.base64Encode(pdf.getBytes());
}

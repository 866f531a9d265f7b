/**
 * Writes rows as comma-separated text (RFC 4180, CRLF line ends). A field is
 * quoted when it holds a comma, a quote or a line break, and a field that a
 * spreadsheet would run as a formula (= + - @ at the start) gets a leading
 * apostrophe, so an exported name can never execute in Excel.
 */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(formatField).join(',')).join('\r\n') + '\r\n';
}

function formatField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

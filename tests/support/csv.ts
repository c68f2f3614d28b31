// Reading a CSV as RFC 4180 writes it, for tests of the readiness table (docs/formats/result.md):
// written apart from the page's own writer (src/lib/results/csv.ts), so that a test reads what a
// spreadsheet would.

/** The cells of each record (quoted cells may hold commas, doubled quotes and line breaks; records end with CRLF). */
export function csvCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') cell += c;
      else if (text[i + 1] === '"') cell += text[++i];
      else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      [row, cell] = [[], ''];
      i++;
    } else cell += c;
  }
  return rows;
}

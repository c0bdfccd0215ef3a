/** First characters that make a spreadsheet read a cell as a formula (or hide its start). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises CSV formula injection: a cell beginning with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets a leading single quote, so Excel, LibreOffice and Google Sheets show
 * it as text instead of evaluating it (OWASP "CSV injection").
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

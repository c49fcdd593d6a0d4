// The Runs view's table: its columns (how each sorts and reads) and the table as the user
// sees it, as CSV or markdown for download.

/** The table's columns: key, heading, the value a row sorts by, and how it reads. */
export const COLUMNS = [
  { key: 'name', label: 'Name', value: (r) => r.name.toLowerCase() },
  { key: 'architecture', label: 'Model', value: (r) => r.architecture },
  { key: 'augmented', label: 'Augmented', value: (r) => (r.augmented === undefined ? '' : r.augmented ? 'yes' : 'no') },
  { key: 'seed', label: 'Seed', value: (r) => r.seed ?? '' },
  { key: 'rmse', label: 'Validation RMSE (px)', value: (r) => r.rmse, text: (v) => (Number.isFinite(v) ? v.toFixed(4) : '—') },
  { key: 'study', label: "Study's RMSE (px)", value: (r) => r.study ?? NaN, text: (v) => (Number.isFinite(v) ? v.toFixed(4) : '—') },
  { key: 'epochs', label: 'Epochs', value: (r) => r.epochs ?? 0, text: (v, r) => (r.kind === 'knn' || r.kind === 'ensemble' ? '—' : r.best_epoch !== undefined ? `${r.best_epoch + 1} of ${v}` : String(v)) },
  { key: 'wall_s', label: 'Wall time', value: (r) => r.wall_s ?? NaN, text: (v) => (Number.isFinite(v) ? `${v < 100 ? v.toFixed(1) : v.toFixed(0)} s` : '—') },
  { key: 'backend', label: 'Backend', value: (r) => r.backend ?? '' },
  { key: 'group', label: 'Experiment', value: (r) => r.group ?? '' },
  { key: 'date', label: 'Saved', value: (r) => r.date, text: (v) => new Date(v).toLocaleString() },
];

/** `runs` (in the order shown) as rows of text under their headings; the date is left out. */
function tableText(runs) {
  const columns = COLUMNS.filter((c) => c.key !== 'date');
  const rows = runs.map((r) => columns.map((c) => {
    const v = c.value(r);
    return c.key === 'name' ? r.name : c.text ? c.text(v, r) : String(v ?? '');
  }));
  return { headings: columns.map((c) => c.label), rows };
}

export function tableCsv(runs) {
  const { headings, rows } = tableText(runs);
  const quote = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return [headings, ...rows].map((r) => r.map(quote).join(',')).join('\n') + '\n';
}

export function tableMarkdown(runs) {
  const { headings, rows } = tableText(runs);
  const line = (cells) => `| ${cells.map((c) => c.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(headings), `|${headings.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n') + '\n';
}

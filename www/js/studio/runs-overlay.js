// The Runs view's overlay: the selected runs' validation curves on one chart (uPlot).
import uPlot from '../../vendor/uplot/uPlot.esm.js';

const $ = (id) => document.getElementById(id);

const PALETTE = ['#ff9f0a', '#2457d6', '#30d158', '#ff375f', '#8e5cf5', '#0aa2c0', '#b8860b', '#555'];

/** The selected runs' validation RMSE per epoch on one chart. */
export function setupOverlay() {
  let plot = null;
  return {
    show(chosen) {
      const box = $('runs-overlay');
      const curves = chosen.filter((r) => r.history?.length);
      box.dataset.series = String(curves.length);
      plot?.destroy();
      plot = null;
      box.replaceChildren();
      if (!curves.length) return;
      const epochs = Math.max(...curves.map((r) => r.history.length));
      const xs = Array.from({ length: epochs }, (_, i) => i + 1);
      const data = [xs, ...curves.map((r) => xs.map((x) => r.history[x - 1]?.valid_rmse ?? null))];
      plot = new uPlot({
        width: Math.max(280, box.clientWidth || 480), height: 220,
        scales: { x: { time: false } },
        legend: { live: false },
        axes: [{ label: 'epoch', stroke: 'currentColor' }, { label: 'validation RMSE (px)', stroke: 'currentColor', size: 60 }],
        series: [{ label: 'epoch' }, ...curves.map((r, i) => ({ label: `${r.architecture}${r.seed !== null && r.seed !== undefined ? ` seed ${r.seed}` : ''}${r.augmented ? ' aug' : ''}`, stroke: PALETTE[i % PALETTE.length], width: 2, points: { show: true } }))],
      }, data, box);
    },
  };
}

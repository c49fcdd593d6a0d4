// The Train view's live charts (training loss, validation RMSE, learning rate), drawn with
// uPlot, and its time format.
import uPlot from '../../vendor/uplot/uPlot.esm.js';

/** A duration in words: seconds, minutes or hours. */
export function formatTime(seconds) {
  if (!Number.isFinite(seconds)) return '–';
  if (seconds < 90) return `${seconds.toFixed(0)} s`;
  if (seconds < 5400) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** The three live charts; redrawn at most once per frame. */
export function setupCharts() {
  const specs = {
    loss: { el: 'chart-loss', x: 'step', y: 'loss', log: true },
    rmse: { el: 'chart-rmse', x: 'epoch', y: 'RMSE (px)', log: false },
    lr: { el: 'chart-lr', x: 'epoch', y: 'learning rate', log: true },
  };
  const plots = {};
  const pending = new Map();
  let frame = 0;

  function make(key) {
    const { el, x, y, log } = specs[key];
    const box = document.getElementById(el);
    box.replaceChildren();
    const width = Math.max(240, box.clientWidth || 320);
    plots[key] = new uPlot({
      width, height: 180,
      scales: { x: { time: false }, y: log ? { distr: 3 } : {} },
      axes: [{ label: x, stroke: 'currentColor' }, { label: y, stroke: 'currentColor', size: 60 }],
      series: [{ label: x }, { label: y, stroke: key === 'rmse' ? '#ff9f0a' : '#2457d6', width: 2, points: { show: key !== 'loss' } }],
      legend: { show: false },
    }, [[], []], box);
  }

  // A chart is made on its first data, at most one per frame: making one is the costliest
  // thing the page does while training.
  function flush() {
    frame = 0;
    let made = false;
    for (const [key, data] of pending) {
      if (!plots[key]) {
        if (made) continue;
        make(key);
        made = true;
      }
      plots[key].setData([data[0].slice(), data[1].slice()]);
      pending.delete(key);
    }
    if (pending.size) frame = requestAnimationFrame(flush);
  }

  new ResizeObserver(() => {
    for (const [key, plot] of Object.entries(plots)) {
      const box = document.getElementById(specs[key].el);
      if (box.clientWidth) plot.setSize({ width: box.clientWidth, height: 180 });
    }
  }).observe(document.getElementById('chart-loss'));

  return {
    /** Makes the (empty) charts ahead of a run, one per idle moment. */
    prepare() {
      const next = () => {
        const key = Object.keys(specs).find((k) => !plots[k]);
        if (!key) return;
        make(key);
        requestIdleCallback(next);
      };
      requestIdleCallback(next);
    },
    reset() {
      for (const plot of Object.values(plots)) plot.setData([[], []]);
      pending.clear();
    },
    update(key, data) {
      pending.set(key, data);
      if (!frame) frame = requestAnimationFrame(flush);
    },
  };
}

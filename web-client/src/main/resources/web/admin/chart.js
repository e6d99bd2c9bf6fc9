// Line charts of the last hour, drawn here as SVG (no library, nothing from a CDN): time runs left to right over the
// hour, the value axis starts at zero, a gap in a series (no figure for that moment) is a gap in its line.

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 320;
const HEIGHT = 120;
const LEFT = 36;
const BOTTOM = 18;
const HOUR_MS = 3600 * 1000;

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) element.append(child);
  return element;
}

/** A round number at or above {@code max}, so the axis reads 0..5, 0..20, 0..150. */
export function niceCeiling(max) {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 1.5, 2, 2.5, 3, 4, 5, 7.5, 10]) {
    if (step * power >= max) return step * power;
  }
  return 10 * power;
}

/**
 * One chart: series are {name, values: [number|null], className}; times are the samples' instants (ms). Returns an
 * SVG element whose lines end at {@code now} on the right.
 */
export function lineChart({ times, series, now = Date.now(), label = (v) => String(v) }) {
  const all = series.flatMap((s) => s.values).filter((v) => v !== null && v !== undefined && Number.isFinite(v));
  const top = niceCeiling(all.length ? Math.max(...all) : 0);
  const x = (t) => LEFT + ((t - (now - HOUR_MS)) / HOUR_MS) * (WIDTH - LEFT - 4);
  const y = (v) => (HEIGHT - BOTTOM) - (v / top) * (HEIGHT - BOTTOM - 6);
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', class: 'chart-svg' });
  for (const fraction of [0, 0.5, 1]) {
    const value = top * fraction;
    chart.append(svg('line', { x1: LEFT, x2: WIDTH - 4, y1: y(value), y2: y(value), class: 'grid' }),
      svg('text', { x: LEFT - 4, y: y(value) + 4, 'text-anchor': 'end', class: 'axis' }, label(value)));
  }
  for (const [minutes, anchor] of [[60, 'start'], [30, 'middle'], [0, 'end']]) {
    chart.append(svg('text', { x: x(now - minutes * 60000), y: HEIGHT - 4, 'text-anchor': anchor, class: 'axis' },
      minutes === 0 ? 'now' : `-${minutes} min`));
  }
  for (const s of series) {
    let path = '';
    let pen = false;
    s.values.forEach((value, i) => {
      if (value === null || value === undefined || !Number.isFinite(value) || times[i] < now - HOUR_MS) {
        pen = false;
        return;
      }
      path += `${pen ? 'L' : 'M'}${x(times[i]).toFixed(1)},${y(value).toFixed(1)} `;
      pen = true;
    });
    chart.append(svg('path', { d: path.trim(), class: `series ${s.className ?? ''}`, 'data-series': s.name }));
  }
  return chart;
}

// Small hand-drawn SVG charts (ADR 0008: no chart library). Every chart is an <svg role="img"> with a <title> and
// a <desc> that says what it shows in words, drawn at the real pixel width of its box (redrawn on resize, so text
// stays readable at 360 px), and every figure also carries its numbers as a table. Labels are text nodes; colours
// come from classes in app.css (the CSP allows no inline styles).

const NS = 'http://www.w3.org/2000/svg';
let ids = 0;

/** Creates an SVG element; string children become text nodes. */
export function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.setAttribute('class', value);
    else if (name === 'dataset') Object.entries(value).forEach(([k, v]) => element.setAttribute(`data-${k}`, String(v)));
    else element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

function frame(width, height, title, description, className) {
  const id = `chart-${++ids}`;
  return s('svg', {
    class: `chart-svg ${className || ''}`, width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`, focusable: 'false',
  }, s('title', { id: `${id}-title` }, title), s('desc', { id: `${id}-desc` }, description));
}

function niceMax(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (value <= step * power) return step * power;
  }
  return 10 * power;
}

/**
 * Vertical bars per bucket (left scale) with an optional line (right scale).
 * @param {{width:number, height?:number, title:string, description:string, labels:string[], bars:number[],
 *   barName:string, barText?:Function, line?:(number|null)[], lineMax?:number, lineName?:string, lineText?:Function,
 *   barMax?:number, integer?:boolean}} o
 */
export function barsWithLine(o) {
  const width = Math.max(260, Math.round(o.width));
  const height = o.height || 220;
  const left = 34;
  const lineMax = o.line ? (o.lineMax || niceMax(Math.max(0, ...o.line.filter(v => v != null)))) : 0;
  const lineText = o.lineText || (v => String(v));
  // room on the right for the line's scale ('5.0★', '3일 11시간'): about 8 px a character at 11 px
  const right = o.line ? Math.min(96, 14 + 8 * Math.max(...[lineMax, 0].map(v => Array.from(lineText(v)).length))) : 10;
  const top = 18;
  const bottom = 30;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const n = Math.max(1, o.bars.length);
  // counts get whole-number ticks (0, max/2, max with an even max), percentages their own fixed scale
  const max = o.barMax || (o.integer ? Math.max(2, Math.ceil(niceMax(Math.max(0, ...o.bars)) / 2) * 2)
    : niceMax(Math.max(0, ...o.bars)));
  const svg = frame(width, height, o.title, o.description, 'chart-bars');
  const slot = plotW / n;
  const barW = Math.max(2, Math.min(40, slot * 0.7));
  const barText = o.barText || (v => String(v));

  // grid and left scale
  for (const fraction of [0, 0.5, 1]) {
    const y = top + plotH - fraction * plotH;
    svg.append(s('line', { class: 'chart-gridline', x1: left, x2: left + plotW, y1: y, y2: y }));
    svg.append(s('text', { class: 'chart-axis', x: left - 6, y: y + 4, 'text-anchor': 'end' }, barText(max * fraction)));
  }
  // bars, with their value on top when there is room
  const showValues = slot >= 18;
  o.bars.forEach((value, i) => {
    const h = max ? (value / max) * plotH : 0;
    const x = left + slot * i + (slot - barW) / 2;
    const y = top + plotH - h;
    svg.append(s('rect', { class: 'chart-bar', x: x.toFixed(1), y: y.toFixed(1), width: barW.toFixed(1),
      height: Math.max(0, h).toFixed(1), rx: 3, dataset: { label: o.labels[i], value } },
    s('title', {}, `${o.labels[i]}: ${o.barName} ${barText(value)}`)));
    if (showValues && value > 0) {
      svg.append(s('text', { class: 'chart-value', x: (x + barW / 2).toFixed(1), y: (y - 4).toFixed(1),
        'text-anchor': 'middle', dataset: { label: o.labels[i] } }, barText(value)));
    }
  });
  // the line on its own scale (right)
  if (o.line) {
    svg.append(s('text', { class: 'chart-axis chart-axis-line', x: left + plotW + 6, y: top + 4 }, lineText(lineMax)));
    svg.append(s('text', { class: 'chart-axis chart-axis-line', x: left + plotW + 6, y: top + plotH + 4 }, lineText(0)));
    const points = o.line.map((value, i) => value == null ? null
      : [left + slot * i + slot / 2, top + plotH - (value / lineMax) * plotH]);
    let path = '';
    let pen = false;
    points.forEach(point => {
      if (!point) { pen = false; return; }
      path += `${pen ? 'L' : 'M'}${point[0].toFixed(1)} ${point[1].toFixed(1)} `;
      pen = true;
    });
    if (path) svg.append(s('path', { class: 'chart-line', d: path.trim() }));
    points.forEach((point, i) => {
      if (!point) return;
      svg.append(s('circle', { class: 'chart-dot', cx: point[0].toFixed(1), cy: point[1].toFixed(1), r: 3.5,
        dataset: { label: o.labels[i], value: o.line[i] } }, s('title', {}, `${o.labels[i]}: ${o.lineName} ${lineText(o.line[i])}`)));
    });
  }
  // x labels: as many as fit, every k-th, and the last one if it has room (about 52 px a label)
  const gap = 52;
  const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(plotW / gap))));
  let lastShown = -Infinity;
  o.labels.forEach((label, i) => {
    const x = left + slot * i + slot / 2;
    const wanted = i % every === 0 || i === n - 1;
    if (!wanted || x - lastShown < gap) return;
    lastShown = x;
    svg.append(s('text', { class: 'chart-axis', x: x.toFixed(1), y: height - 10, 'text-anchor': 'middle' }, label));
  });
  return svg;
}

/**
 * Horizontal bars, one per row (rating distribution, keywords): label on the left, value at the end of the bar.
 * @param {{width:number, title:string, description:string, rows:{label:string, value:number, text?:string,
 *   kind?:string}[]}} o
 */
export function horizontalBars(o) {
  const width = Math.max(260, Math.round(o.width));
  const rowH = 28;
  const labelW = Math.min(120, Math.max(44, ...o.rows.map(r => 8 * Array.from(r.label).length + 10)));
  const valueW = 64;
  const height = Math.max(1, o.rows.length) * rowH + 8;
  const plotW = width - labelW - valueW;
  const max = Math.max(1, ...o.rows.map(r => r.value));
  const svg = frame(width, height, o.title, o.description, 'chart-hbars');
  o.rows.forEach((row, i) => {
    const y = 4 + i * rowH;
    const w = (row.value / max) * plotW;
    svg.append(s('text', { class: 'chart-label', x: labelW - 8, y: y + 18, 'text-anchor': 'end' }, row.label));
    svg.append(s('rect', { class: 'chart-track', x: labelW, y: y + 6, width: plotW.toFixed(1), height: 16, rx: 4 }));
    svg.append(s('rect', { class: `chart-bar ${row.kind ? `chart-bar-${row.kind}` : ''}`, x: labelW, y: y + 6,
      width: Math.max(0, w).toFixed(1), height: 16, rx: 4, dataset: { label: row.label, value: row.value } }));
    svg.append(s('text', { class: 'chart-value', x: labelW + plotW + 8, y: y + 18, dataset: { label: row.label } },
      row.text ?? String(row.value)));
  });
  return svg;
}

/**
 * One bar split into parts (AI drafts kept/edited, sentiment), with a legend of the parts and their numbers below.
 * @param {{width:number, title:string, description:string, parts:{label:string, value:number, text:string,
 *   kind:string}[], emptyText:string}} o
 */
export function splitBar(o) {
  const width = Math.max(260, Math.round(o.width));
  const legendRows = Math.ceil(o.parts.length / (width >= 420 ? 3 : 1));
  const height = 44 + legendRows * 24;
  const svg = frame(width, height, o.title, o.description, 'chart-split');
  const sum = o.parts.reduce((total, part) => total + part.value, 0);
  svg.append(s('rect', { class: 'chart-track', x: 0, y: 6, width, height: 26, rx: 6 }));
  let x = 0;
  if (sum === 0) {
    svg.append(s('text', { class: 'chart-axis', x: width / 2, y: 24, 'text-anchor': 'middle' }, o.emptyText));
  }
  for (const part of o.parts) {
    const w = sum ? (part.value / sum) * width : 0;
    if (w > 0) {
      svg.append(s('rect', { class: `chart-part chart-part-${part.kind}`, x: x.toFixed(1), y: 6, width: w.toFixed(1),
        height: 26, dataset: { label: part.label, value: part.value } }, s('title', {}, `${part.label}: ${part.text}`)));
    }
    x += w;
  }
  const perRow = width >= 420 ? 3 : 1;
  o.parts.forEach((part, i) => {
    const col = i % perRow;
    const row = Math.floor(i / perRow);
    const lx = col * (width / perRow);
    const ly = 50 + row * 24;
    svg.append(s('rect', { class: `chart-part chart-part-${part.kind}`, x: lx, y: ly - 10, width: 12, height: 12, rx: 3 }));
    svg.append(s('text', { class: 'chart-legend', x: lx + 18, y: ly, dataset: { label: part.label } },
      `${part.label} ${part.text}`));
  });
  return svg;
}

/** The same numbers as a table, behind a disclosure (screen readers and anyone who wants exact figures). */
export function dataTable(summary, columns, rows) {
  const table = document.createElement('table');
  table.className = 'data-table chart-table';
  const caption = document.createElement('caption');
  caption.className = 'visually-hidden';
  caption.textContent = summary;
  const head = document.createElement('tr');
  for (const column of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = column;
    head.append(th);
  }
  const thead = document.createElement('thead');
  thead.append(head);
  const tbody = document.createElement('tbody');
  for (const row of rows) {
    const tr = document.createElement('tr');
    row.forEach((cell, i) => {
      const td = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) td.scope = 'row';
      td.textContent = cell;
      tr.append(td);
    });
    tbody.append(tr);
  }
  table.append(caption, thead, tbody);
  return table;
}

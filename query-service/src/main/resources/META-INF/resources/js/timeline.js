// The topic timeline: talks per topic per month or year, drawn with uPlot (served by the service itself, from its
// WebJar). A click on a point filters the list to that topic and period; the table under the chart does the same
// for keyboards and screen readers, which a canvas serves poorly.
import { el } from './dom.js';
import { t, formatNumber } from './i18n.js';
import { periodRange } from './state.js';

const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#9333ea', '#0891b2', '#db2777', '#65a30d'];
let chart = null;
let resizeObserver = null;

function cssColor(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';
}

function pick(app, period, slug) {
  const { from, to } = periodRange(period);
  const topics = slug && !app.state.topics.includes(slug) ? [...app.state.topics, slug] : app.state.topics;
  app.search({ topics, from, to });
}

export function renderTimeline(app, timeline, undated) {
  const container = document.getElementById('timeline-chart');
  const table = document.getElementById('timeline-table');
  const note = document.getElementById('timeline-note');
  document.getElementById('by-month').checked = app.state.by === 'month';
  document.getElementById('by-year').checked = app.state.by === 'year';
  chart?.destroy();
  chart = null;
  container.replaceChildren();
  note.textContent = undated ? t('undatedLeftOut', formatNumber(undated)) : '';
  if (!timeline.periods.length) {
    container.append(el('p', { className: 'muted' }, t('noTimeline')));
    table.replaceChildren();
    return;
  }
  const series = timeline.topics;
  table.replaceChildren(timelineTable(app, timeline));
  if (typeof uPlot === 'undefined') return;

  const periods = timeline.periods;
  const xs = periods.map((_, index) => index);
  const maximum = Math.max(1, ...timeline.totals);
  const axisColor = cssColor('--muted');
  const gridColor = cssColor('--grid');
  let focusedSeries = null;
  const options = {
    width: Math.max(280, container.clientWidth),
    height: 220,
    scales: { x: { time: false, range: [-0.5, periods.length - 0.5] }, y: { range: [0, Math.ceil(maximum * 1.15)] } },
    axes: [
      { stroke: axisColor, grid: { show: false }, ticks: { stroke: gridColor }, incrs: [1, 2, 3, 4, 6, 12, 24, 60, 120],
        values: (u, splits) => splits.map(index => periods[index] ?? '') },
      { stroke: axisColor, grid: { stroke: gridColor }, ticks: { stroke: gridColor }, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500],
        values: (u, splits) => splits.map(value => formatNumber(value)) }
    ],
    series: [
      { label: t('period'), value: (u, index) => (index == null ? '—' : periods[index] ?? '—') },
      ...series.map((topic, index) => ({
        label: topic.label,
        stroke: PALETTE[index % PALETTE.length],
        width: 2,
        points: { show: true, size: 7, fill: PALETTE[index % PALETTE.length] },
        value: (u, value) => (value == null ? '—' : formatNumber(value))
      }))
    ],
    cursor: { focus: { prox: 24 }, points: { size: 9 } },
    focus: { alpha: 0.35 },
    legend: { live: true },
    hooks: { setSeries: [(u, index) => { focusedSeries = index; }] }
  };
  chart = new uPlot(options, [xs, ...series.map(topic => topic.counts)], container);
  chart.over.addEventListener('click', () => {
    const index = chart.cursor.idx;
    if (index == null) return;
    pick(app, periods[index], focusedSeries ? series[focusedSeries - 1].slug : null);
  });
  chart.over.setAttribute('role', 'img');
  chart.over.setAttribute('aria-label', `${t('timeline')}: ${series.map(topic => topic.label).join(', ')}`);
  // Tests and anyone debugging the chart find the plot's scales here: where a point is drawn (valToPos).
  container.chart = chart;

  resizeObserver?.disconnect();
  resizeObserver = new ResizeObserver(() => {
    if (chart && container.clientWidth) chart.setSize({ width: Math.max(280, container.clientWidth), height: 220 });
  });
  resizeObserver.observe(container);
}

function timelineTable(app, timeline) {
  const series = timeline.topics;
  return el('table', { className: 'timeline-table' },
    el('caption', { className: 'visually-hidden' }, t('timeline')),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('period')), el('th', { scope: 'col' }, t('allTalks')),
      series.map(topic => el('th', { scope: 'col' }, topic.label)))),
    el('tbody', {}, timeline.periods.map((period, row) => el('tr', {},
      el('th', { scope: 'row' }, period),
      el('td', {}, cell(app, period, null, timeline.totals[row], t('allTalks'))),
      series.map(topic => el('td', {}, cell(app, period, topic.slug, topic.counts[row], topic.label)))))));
}

function cell(app, period, slug, count, label) {
  if (!count) return el('span', { className: 'muted' }, '0');
  return el('button', { type: 'button', className: 'link-button', 'aria-label': `${label}, ${period}: ${count}`,
    onclick: () => pick(app, period, slug) }, formatNumber(count));
}

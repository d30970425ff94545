// Preview a memo: dropped on the page or chosen with the file button, it is sent to the service, which asks
// ingest how it reads the memo and enrich which topics its talks get. Nothing is stored.
import { previewMemo } from './api.js';
import { el } from './dom.js';
import { t, formatNumber } from './i18n.js';
import { decisionTable } from './pages.js';

/** Ingest's own limit for one memo. */
const MAX_BYTES = 5 * 1024 * 1024;
const READ_ROLES = new Set(['event', 'talk']);
let result = null;

export function hasPreview() {
  return result !== null;
}

/** Reads the file and opens the preview view with what the pipeline would make of it. */
export async function previewFile(app, file) {
  if (file.size > MAX_BYTES) {
    result = { name: file.name, error: t('previewTooLarge', file.name) };
  } else {
    result = { name: file.name, loading: true };
    app.go({ view: 'preview' });
    try {
      result = { name: file.name, answer: await previewMemo(file.name, await file.text()) };
    } catch (error) {
      result = { name: file.name, error: error.message };
    }
  }
  app.go({ view: 'preview' }, { replace: app.state.view === 'preview' });
}

export function renderPreview() {
  const heading = el('h2', { tabindex: '-1', className: 'page-title' }, result ? t('previewTitle', result.name) : t('preview'));
  if (!result) {
    return el('article', { className: 'detail preview-page' }, heading, el('p', {}, t('previewEmpty')));
  }
  if (result.loading) {
    return el('article', { className: 'detail preview-page', 'aria-busy': 'true' }, heading, el('p', { role: 'status' }, t('previewReading', result.name)));
  }
  if (result.error) {
    return el('article', { className: 'detail preview-page' }, heading, el('p', { className: 'error', role: 'alert' }, t('error', result.error)));
  }
  const { note, topics = {}, warnings = [] } = result.answer;
  const talks = note.events.flatMap(event => event.talks);
  const speakers = new Set(talks.map(talk => talk.speaker).filter(Boolean));
  const topicSlugs = new Set(Object.values(topics).flat().map(topic => topic.slug));
  const skipped = (note.layout?.decisions || []).filter(decision => !READ_ROLES.has(decision.role));
  return el('article', { className: 'detail preview-page' },
    heading,
    el('p', { className: 'notice' }, t('previewNothingStored')),
    warnings.length ? el('div', { className: 'warnings', role: 'alert' }, el('h3', {}, t('previewWarnings')),
      el('ul', {}, warnings.map(warning => el('li', {}, warning)))) : null,
    el('p', { className: 'preview-summary' }, t('previewSummary', formatNumber(note.events.length), formatNumber(talks.length),
      formatNumber(speakers.size), formatNumber(topicSlugs.size))),
    note.layout?.summary ? el('p', {}, el('strong', {}, t('layout'), ': '), note.layout.summary) : null,
    note.events.map(event => el('section', { className: 'detail-section preview-event' },
      el('h3', {}, event.title, event.date ? el('span', { className: 'muted' }, ` ${event.date}`) : null),
      event.talks.length ? el('table', { className: 'preview-talks' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('line')), el('th', { scope: 'col' }, t('talks')),
          el('th', { scope: 'col' }, t('speaker')), el('th', { scope: 'col' }, t('topics')))),
        el('tbody', {}, event.talks.map(talk => el('tr', {},
          el('td', { className: 'number' }, talk.line),
          el('td', {}, talk.title || el('span', { className: 'muted' }, t('untitled'))),
          el('td', {}, talk.speaker || '', talk.affiliation ? ` (${talk.affiliation})` : ''),
          el('td', {}, (topics[talk.id] || []).map(topic => el('span', {
            className: 'chip', title: topic.evidence.map(evidence => `${evidence.term} (${evidence.field}) ×${evidence.count}`).join(', ')
          }, `${topic.label} ${formatNumber(topic.score, 2)}`))))))) : null,
      event.segments && event.segments.length ? el('p', { className: 'muted' }, `${t('segments')}: `,
        event.segments.map(segment => `${segment.title} (${segment.role})`).join(', ')) : null)),
    skipped.length ? el('section', { className: 'detail-section' }, el('h3', {}, t('skipped')), decisionTable(skipped)) : null);
}

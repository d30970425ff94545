// The talk, event and speaker pages.
import { get } from './api.js';
import { el, bulletList, pageLink } from './dom.js';
import { t, tValue, formatNumber } from './i18n.js';
import { linksByKind, talkList, talkName, topicChips } from './talks.js';

function section(title, ...content) {
  if (content.every(part => part === null || part === undefined)) return null;
  return el('section', { className: 'detail-section' }, el('h3', {}, title), ...content);
}

function fact(term, ...value) {
  return value.every(part => !part) ? null : [el('dt', {}, term), el('dd', {}, ...value)];
}

/** Where a talk or event is written, and how the parser read the memo there. */
function sourceSection(source) {
  if (!source) return null;
  const layout = source.layout;
  return section(t('source'),
    el('p', {}, el('code', {}, t('sourceLine', source.noteId, source.line)),
      source.parserVersion ? ` · ${t('parserVersion', source.parserVersion)}` : ''),
    layout ? el('div', { className: 'source-layout' },
      el('h4', {}, t('layout')),
      el('p', {}, layout.summary),
      layout.decisions && layout.decisions.length ? decisionTable(layout.decisions) : null) : null);
}

export function decisionTable(decisions) {
  return el('table', { className: 'decisions' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('line')), el('th', { scope: 'col' }, t('heading')),
      el('th', { scope: 'col' }, t('role')), el('th', { scope: 'col' }, t('reason')))),
    el('tbody', {}, decisions.map(decision => el('tr', {},
      el('td', { className: 'number' }, decision.line), el('td', {}, decision.text),
      el('td', {}, decision.role), el('td', {}, decision.reason)))));
}

/** Each topic with its score and the matches that earned it. */
export function evidenceList(topics) {
  if (!topics || !topics.length) return null;
  return el('ul', { className: 'evidence' }, topics.map(topic => el('li', { dataset: { topic: topic.slug } },
    el('h4', {}, topic.label, ' ', el('span', { className: 'score' }, t('score', formatNumber(topic.score, 2)))),
    topic.evidence && topic.evidence.length
      ? el('table', {},
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('term')), el('th', { scope: 'col' }, t('field')),
          el('th', { scope: 'col' }, t('count')))),
        el('tbody', {}, topic.evidence.map(evidence => el('tr', {},
          el('td', {}, el('q', {}, evidence.term)), el('td', {}, tValue('field_', evidence.field)),
          el('td', { className: 'number' }, formatNumber(evidence.count))))))
      : el('p', { className: 'muted' }, t('inheritedNoEvidence')))));
}

function pageHeading(text) {
  return el('h2', { tabindex: '-1', className: 'page-title' }, text);
}

export async function renderTalk(app, id, signal) {
  const talk = await get('api/talks/' + encodeURIComponent(id), null, signal);
  document.title = `${talkName(talk)} · ${t('appTitle')}`;
  const speakerLink = talk.speaker
    ? pageLink(app.href({ view: 'speaker', name: talk.speaker }), () => app.go({ view: 'speaker', name: talk.speaker }), talk.speaker)
    : null;
  return el('article', { className: 'detail talk-page' },
    pageHeading(talkName(talk)),
    el('dl', { className: 'facts' },
      fact(t('speaker'), speakerLink, talk.affiliation ? ` (${talk.affiliation})` : ''),
      fact(t('event'), pageLink(app.href({ view: 'event', id: talk.event.id }), () => app.go({ view: 'event', id: talk.event.id }),
        talk.event.title)),
      fact(t('date'), talk.event.date ? el('time', { datetime: talk.event.date }, talk.event.date) : null),
      fact(t('kind'), talk.kind ? tValue('talkKind_', talk.kind) : null),
      fact(t('track'), talk.track),
      fact(t('code'), talk.code)),
    section(t('links'), linksByKind(talk.links)),
    section(t('bullets'), bulletList(talk.bullets, 'bullets') || (talk.text ? el('p', { className: 'text' }, talk.text) : null)),
    section(t('topicsAndEvidence'), evidenceList(talk.topics)),
    sourceSection(talk.source),
    talk.impressions && talk.impressions.length
      ? el('details', { className: 'detail-section' }, el('summary', {}, t('impressions')), bulletList(talk.impressions, 'bullets'))
      : null);
}

export async function renderEvent(app, id, signal) {
  const event = await get('api/events/' + encodeURIComponent(id), null, signal);
  document.title = `${event.title} · ${t('appTitle')}`;
  return el('article', { className: 'detail event-page' },
    pageHeading(event.title),
    el('dl', { className: 'facts' }, fact(t('date'), event.date ? el('time', { datetime: event.date }, event.date) : t('undated'))),
    topicChips(event.topics),
    section(t('overview'), linksByKind(event.links), bulletList(event.overview, 'bullets')),
    section(`${t('talks')} (${formatNumber(event.talks.length)})`, event.talks.length ? talkList(event.talks, app, { withEvent: false }) : null),
    section(t('segments'), event.segments && event.segments.length ? el('ul', { className: 'segments' }, event.segments.map(segment =>
      el('li', {}, el('strong', {}, segment.title), ` (${segment.role})`, bulletList(segment.bullets)))) : null),
    section(t('impressions'), bulletList(event.impressions, 'bullets')),
    sourceSection(event.source));
}

export async function renderSpeaker(app, name, signal) {
  const speaker = await get('api/speakers/' + encodeURIComponent(name), null, signal);
  document.title = `${speaker.name} · ${t('appTitle')}`;
  const events = new Set(speaker.talks.map(talk => talk.event.id)).size;
  return el('article', { className: 'detail speaker-page' },
    pageHeading(speaker.name),
    el('p', { className: 'meta' }, speaker.talkCount === 1 ? t('speakerTalksOne') : t('speakerTalks', formatNumber(speaker.talkCount), formatNumber(events))),
    el('ul', { className: 'chips', 'aria-label': t('topics') }, speaker.topics.map(topic =>
      el('li', { className: 'chip' }, `${topic.label} ${formatNumber(topic.talkCount)}`))),
    section(t('talksBy', speaker.name), talkList(speaker.talks, app)));
}

// A talk as every list shows it (search results, an event's talks, a speaker's talks), and links by kind.
import { el, marked, pageLink, webHost } from './dom.js';
import { t, tValue, formatNumber } from './i18n.js';

/** What a talk is called: its title, or its speaker when the memo's heading names only the speaker. */
export function talkName(talk) {
  return talk.title || talk.speaker || t('untitled');
}

/** The host and the start of the path: enough to tell two links of one kind apart. */
function shortUrl(url, host) {
  const parsed = new URL(url);
  const rest = (parsed.pathname + parsed.search).replace(/^\/$/, '');
  return host + (rest.length > 32 ? rest.slice(0, 31) + '…' : rest);
}

/**
 * A memo's link: its kind and host (or, where its kind is said already, host and path); clickable only for http(s)
 * (a javascript: URL in a memo must not run).
 */
export function linkItem(link, withKind = true) {
  const host = webHost(link.url);
  const label = withKind || !host ? [tValue('kind_', link.kind || 'other'), host].filter(Boolean).join(' · ') : shortUrl(link.url, host);
  return host
    ? el('a', { href: link.url, rel: 'noopener noreferrer', target: '_blank', className: 'link link-' + (link.kind || 'other'), title: link.url }, label)
    : el('span', { className: 'link' }, label, ' ', el('code', {}, String(link.url ?? '')));
}

/** Links grouped by kind, in the order the memo gives the kinds. */
export function linksByKind(links) {
  if (!links || !links.length) return null;
  const groups = new Map();
  for (const link of links) {
    const kind = link.kind || 'other';
    if (!groups.has(kind)) groups.set(kind, []);
    groups.get(kind).push(link);
  }
  return el('dl', { className: 'links-by-kind' }, [...groups].map(([kind, group]) => [
    el('dt', {}, tValue('kind_', kind)),
    group.map(link => el('dd', {}, linkItem(link, false)))
  ]));
}

export function topicChips(topics, withScore = false) {
  if (!topics || !topics.length) return null;
  return el('ul', { className: 'chips', 'aria-label': t('topics') }, topics.map(topic =>
    el('li', { className: 'chip' }, topic.label, withScore ? ` ${formatNumber(topic.score, 2)}` : '')));
}

export function talkMeta(talk, app, { withEvent = true } = {}) {
  const parts = [];
  if (talk.speaker && talk.title) {
    parts.push(pageLink(app.href({ view: 'speaker', name: talk.speaker }), () => app.go({ view: 'speaker', name: talk.speaker }),
      talk.speaker));
    if (talk.affiliation) parts.push(` (${talk.affiliation})`);
  }
  if (withEvent && talk.event) {
    if (parts.length) parts.push(' · ');
    parts.push(pageLink(app.href({ view: 'event', id: talk.event.id }), () => app.go({ view: 'event', id: talk.event.id }),
      talk.event.title));
    if (talk.event.date) parts.push(' · ', el('time', { datetime: talk.event.date }, talk.event.date));
  }
  if (talk.kind) parts.push(' · ', tValue('talkKind_', talk.kind));
  return el('p', { className: 'meta' }, parts);
}

/** One talk of a list; its title links to the talk page. */
export function talkItem(talk, app, options = {}) {
  const title = talk.title
    ? marked(talk.title, talk.titleMatches)
    : [talk.speaker || t('untitled'), talk.affiliation ? ` (${talk.affiliation})` : ''];
  const link = pageLink(app.href({ view: 'talk', id: talk.id }), () => app.go({ view: 'talk', id: talk.id }), title);
  link.className = 'talk-link';
  return el('li', { className: 'talk' },
    el('article', {},
      el('h3', {}, link),
      talkMeta(talk, app, options),
      talk.snippet && talk.snippet.text ? el('p', { className: 'snippet' }, marked(talk.snippet.text, talk.snippet.matches)) : null,
      el('div', { className: 'talk-footer' }, topicChips(talk.topics),
        talk.links && talk.links.length ? el('p', { className: 'links' }, talk.links.map(link => [linkItem(link), ' '])) : null)));
}

export function talkList(talks, app, options) {
  return el('ol', { className: 'talks' }, talks.map(talk => talkItem(talk, app, options)));
}

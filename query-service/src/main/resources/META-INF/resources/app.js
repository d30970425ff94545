'use strict';
// The page talks to the same service's /api; no framework, no build step, no external resources.
// Everything from the API is inserted as text nodes, never parsed as markup: memos are user content.

const state = { topics: [], q: '', event: '', cursor: null };

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(props).forEach(([key, value]) => {
    if (key === 'className') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  });
  children.flat(Infinity).forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child ?? ''))));
  return node;
}

/** Only web links become clickable: a javascript: URL in a memo must not run. */
function safeLink(link) {
  const url = String(link.url ?? '');
  return /^https?:\/\//i.test(url)
    ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, link.kind || 'link')
    : el('span', {}, link.kind || 'link');
}

function filterParams() {
  const params = new URLSearchParams();
  state.topics.forEach(topic => params.append('topic', topic));
  if (state.q) params.set('q', state.q);
  if (state.event) params.set('event', state.event);
  return params;
}

async function api(path, params) {
  const response = await fetch(path + (params && [...params].length ? '?' + params : ''), { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || ('HTTP ' + response.status));
  return body;
}

function showStatus(text) {
  document.getElementById('status').textContent = text;
}

async function loadTopics() {
  const topics = await api('api/topics', filterParams());
  const list = document.getElementById('topics');
  list.replaceChildren(...topics.map(topic => el('li', {},
    el('button', {
      type: 'button',
      className: state.topics.includes(topic.slug) ? 'active' : '',
      onclick: () => toggleTopic(topic.slug)
    }, `${topic.label} (${topic.talkCount})`))));
  state.topics.filter(slug => !topics.some(topic => topic.slug === slug)).forEach(slug =>
    list.append(el('li', {}, el('button', { type: 'button', className: 'active', onclick: () => toggleTopic(slug) }, slug))));
}

async function loadEvents() {
  const select = document.getElementById('event');
  const page = await api('api/events', new URLSearchParams({ limit: '100' }));
  page.items.forEach(event => select.append(el('option', { value: event.id }, `${event.date ?? ''} ${event.title}`.trim())));
}

// A heading that names only its speaker has no title (null in the API): the speaker stands in for it.
function talkTitle(talk) {
  return talk.title ?? talk.speaker ?? '';
}

function talkItem(talk) {
  return el('li', {},
    el('button', { type: 'button', className: 'talk-title', onclick: () => showTalk(talk.id) }, talkTitle(talk)),
    el('div', { className: 'meta' },
      talk.speaker ? `${talk.speaker} · ` : '',
      `${talk.event.title}${talk.event.date ? ' (' + talk.event.date + ')' : ''}`),
    el('div', {}, talk.topics.map(topic => el('span', { className: 'tag' }, topic.label)),
      talk.links.map(link => [safeLink(link), ' '])));
}

async function loadTalks(append) {
  const params = filterParams();
  params.set('limit', '20');
  if (append && state.cursor) params.set('cursor', state.cursor);
  try {
    const page = await api('api/talks', params);
    const list = document.getElementById('talks');
    if (!append) list.replaceChildren();
    list.append(...page.items.map(talkItem));
    state.cursor = page.nextCursor;
    document.getElementById('more').hidden = !page.nextCursor;
    showStatus(list.children.length ? '' : 'No talks match.');
  } catch (error) {
    showStatus(error.message);
  }
}

function bulletList(bullets) {
  return el('ul', {}, bullets.map(bullet => el('li', {}, bullet.text, bullet.children.length ? bulletList(bullet.children) : '')));
}

async function showTalk(id) {
  const detail = document.getElementById('detail');
  try {
    const talk = await api('api/talks/' + encodeURIComponent(id));
    detail.replaceChildren(
      el('h2', {}, talkTitle(talk)),
      el('p', { className: 'meta' }, talk.speaker ? talk.speaker + ' · ' : '', talk.event.title,
        ` · ${talk.source.noteId}:${talk.source.line}`),
      el('div', {}, talk.links.map(link => [safeLink(link), ' '])),
      bulletList(talk.bullets),
      el('h3', {}, 'Topics and evidence'),
      el('ul', {}, talk.topics.map(topic => el('li', {}, `${topic.label} (${topic.score.toFixed(2)}): `,
        topic.evidence.map(e => `${e.term} in ${e.field} ×${e.count}`).join(', ')))),
      talk.impressions.length ? el('h3', {}, 'Impressions of the event') : '',
      talk.impressions.length ? bulletList(talk.impressions) : '');
    detail.hidden = false;
  } catch (error) {
    showStatus(error.message);
  }
}

function toggleTopic(slug) {
  state.topics = state.topics.includes(slug) ? state.topics.filter(t => t !== slug) : [...state.topics, slug];
  refresh();
}

function refresh() {
  state.cursor = null;
  loadTopics().catch(error => showStatus(error.message));
  loadTalks(false);
}

document.getElementById('search').addEventListener('submit', event => {
  event.preventDefault();
  state.q = document.getElementById('q').value.trim();
  state.event = document.getElementById('event').value;
  refresh();
});
document.getElementById('more').addEventListener('click', () => loadTalks(true));
loadEvents().catch(error => showStatus(error.message));
refresh();

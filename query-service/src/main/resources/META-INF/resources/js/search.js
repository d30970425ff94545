// The search view: facets that follow the query, the active filters, the result count, the talks, the timeline.
import { get, isAbort } from './api.js';
import { el, append, replaceContent } from './dom.js';
import { t, formatNumber } from './i18n.js';
import { filterParams, yearOf } from './state.js';
import { talkItem } from './talks.js';
import { renderTimeline } from './timeline.js';

const PAGE_SIZE = 20;
let controller = null;
let cursor = null;
let showAll = { events: false, speakers: false };
let lastFacets = null;

function byId(id) {
  return document.getElementById(id);
}

/** Shows the search of app.state: the talks, the facets and the timeline, fetched together. */
export async function renderSearch(app) {
  const state = app.state;
  controller?.abort();
  controller = new AbortController();
  const signal = controller.signal;
  const params = filterParams(state);
  const talkParams = new URLSearchParams(params);
  talkParams.set('limit', String(PAGE_SIZE));
  const facetParams = new URLSearchParams(params);
  facetParams.set('limit', showAll.events || showAll.speakers ? '100' : '10');
  // The chart keeps its context: every period of the other filters, so a clicked period is seen among the rest.
  const timelineParams = new URLSearchParams(params);
  timelineParams.delete('from');
  timelineParams.delete('to');
  timelineParams.set('by', state.by);

  byId('results').setAttribute('aria-busy', 'true');
  try {
    const [page, facets, timeline] = await Promise.all([
      get('api/talks', talkParams, signal),
      get('api/facets', facetParams, signal),
      get('api/timeline', timelineParams, signal)
    ]);
    lastFacets = facets;
    cursor = page.nextCursor;
    renderFacets(app, facets);
    renderActiveFilters(app, facets);
    renderStatus(state, facets);
    renderTalks(app, page.items, facets, false);
    renderTimeline(app, timeline, facets.undated);
  } catch (error) {
    if (isAbort(error)) return;
    byId('status').textContent = t('error', error.message);
    byId('talk-list').replaceChildren();
    byId('more').hidden = true;
  } finally {
    if (!signal.aborted) byId('results').removeAttribute('aria-busy');
  }
}

async function loadMore(app) {
  if (!cursor) return;
  const params = filterParams(app.state);
  params.set('limit', String(PAGE_SIZE));
  params.set('cursor', cursor);
  try {
    const page = await get('api/talks', params, controller?.signal);
    cursor = page.nextCursor;
    renderTalks(app, page.items, lastFacets, true);
  } catch (error) {
    if (!isAbort(error)) byId('status').textContent = t('error', error.message);
  }
}

function renderStatus(state, facets) {
  const q = state.q.trim();
  const total = facets.total;
  const text = q
    ? t(total === 1 ? 'resultCountForOne' : 'resultCountFor', formatNumber(total), q)
    : t(total === 1 ? 'resultCountOne' : 'resultCount', formatNumber(total));
  byId('status').textContent = text;
}

function renderTalks(app, talks, facets, appendToList) {
  const list = byId('talk-list');
  const items = talks.map(talk => talkItem(talk, app));
  if (appendToList) list.append(...items);
  else list.replaceChildren(...items);
  const more = byId('more');
  more.hidden = !cursor;
  more.textContent = t('more');
  more.onclick = () => loadMore(app);
  const empty = byId('empty');
  empty.hidden = list.children.length > 0;
  if (!empty.hidden) renderEmpty(app, facets);
}

/** What to try when nothing matches: fewer words, or one filter less. */
function renderEmpty(app, facets) {
  const state = app.state;
  const q = state.q.trim();
  const removals = activeFilters(app, facets).filter(filter => filter.key !== 'q');
  replaceContent(byId('empty'),
    el('p', { className: 'empty-title' }, q ? t('noResultsFor', q) : t('noResults')),
    q ? el('p', {}, t('tryFewer')) : null,
    removals.length ? el('p', {}, t('tryRemove')) : null,
    removals.length ? el('ul', { className: 'suggestions' }, removals.map(filter =>
      el('li', {}, el('button', { type: 'button', className: 'chip-button', onclick: filter.remove }, '× ', filter.label)))) : null,
    q ? el('p', {}, el('button', { type: 'button', className: 'chip-button', onclick: () => app.search({ q: '' }) }, t('clearSearch'))) : null);
}

/** The filters in force, each with a label and a way to remove it. */
function activeFilters(app, facets) {
  const state = app.state;
  const filters = [];
  if (state.q.trim()) filters.push({ key: 'q', label: `“${state.q.trim()}”`, remove: () => app.search({ q: '' }) });
  for (const slug of state.topics) {
    const topic = facets?.topics.find(value => value.slug === slug);
    filters.push({ key: 'topic', label: topic ? topic.label : slug,
      remove: () => app.search({ topics: state.topics.filter(other => other !== slug) }) });
  }
  if (state.event) {
    const event = facets?.events.find(value => value.id === state.event);
    filters.push({ key: 'event', label: event ? event.title : t('event'), remove: () => app.search({ event: '' }) });
  }
  if (state.speaker) filters.push({ key: 'speaker', label: state.speaker, remove: () => app.search({ speaker: '' }) });
  if (state.from || state.to) {
    const year = yearOf(state);
    filters.push({ key: 'dates', label: year ? String(year) : `${state.from || '…'} – ${state.to || '…'}`,
      remove: () => app.search({ from: '', to: '' }) });
  }
  return filters;
}

function renderActiveFilters(app, facets) {
  const filters = activeFilters(app, facets);
  const container = byId('active-filters');
  container.hidden = filters.length === 0;
  replaceContent(container,
    el('h2', { className: 'visually-hidden' }, t('activeFilters')),
    el('ul', { className: 'chips' }, filters.map(filter => el('li', {},
      el('button', { type: 'button', className: 'chip-button active-filter', 'aria-label': t('removeFilter', filter.label),
        onclick: filter.remove }, filter.label, el('span', { 'aria-hidden': 'true' }, ' ×'))))),
    filters.length > 1 ? el('button', { type: 'button', className: 'link-button',
      onclick: () => app.search({ q: '', topics: [], event: '', speaker: '', from: '', to: '' }) }, t('clearAll')) : null);
}

function facetButton(label, count, pressed, onclick, extra = {}) {
  return el('button', { type: 'button', className: 'facet-value', 'aria-pressed': String(pressed), onclick, ...extra },
    el('span', { className: 'facet-label' }, label),
    el('span', { className: 'count' }, el('span', { className: 'visually-hidden' }, ': '), formatNumber(count)));
}

function facetGroup(id, title, list, moreKey, hasMore) {
  const heading = el('h3', { id: `facet-${id}-heading` }, title);
  return el('section', { className: 'facet', id: `facet-${id}`, 'aria-labelledby': heading.id }, heading, list,
    hasMore ? el('button', { type: 'button', className: 'link-button', onclick: moreKey }, t('showMore')) : null);
}

function renderFacets(app, facets) {
  const state = app.state;
  // The buttons are drawn anew: the one that had the focus gets it back, so keyboard users keep their place.
  const focused = document.activeElement && document.activeElement.closest('#facets [data-facet]');
  const focusKey = focused ? [focused.dataset.facet, focused.dataset.value] : null;
  const groups = [];

  // Topics as a tree: children under their parent, when the parent is among the values.
  const slugs = new Set(facets.topics.map(topic => topic.slug));
  const selectedMissing = state.topics.filter(slug => !slugs.has(slug))
    .map(slug => ({ slug, label: slug, parent: null, talkCount: 0 }));
  const topics = [...facets.topics, ...selectedMissing];
  const childrenOf = new Map();
  for (const topic of topics) {
    const parent = topic.parent && slugs.has(topic.parent) ? topic.parent : null;
    if (!childrenOf.has(parent)) childrenOf.set(parent, []);
    childrenOf.get(parent).push(topic);
  }
  const toggleTopic = slug => app.search({
    topics: state.topics.includes(slug) ? state.topics.filter(other => other !== slug) : [...state.topics, slug]
  });
  const topicTree = parent => {
    const children = childrenOf.get(parent) || [];
    if (!children.length) return null;
    return el('ul', { className: parent ? 'facet-children' : 'facet-values' }, children.map(topic =>
      el('li', {}, facetButton(topic.label, topic.talkCount, state.topics.includes(topic.slug),
        () => toggleTopic(topic.slug), { dataset: { facet: 'topic', value: topic.slug } }), topicTree(topic.slug))));
  };
  groups.push(facetGroup('topics', t('topics'), topicTree(null) || el('p', { className: 'muted' }, '—')));

  const year = yearOf(state);
  const years = [...facets.years];
  if (year && !years.some(value => value.year === year)) years.unshift({ year, talkCount: 0 });
  const yearList = el('ul', { className: 'facet-values' }, years.map(value => el('li', {},
    facetButton(String(value.year), value.talkCount, value.year === year,
      () => app.search(value.year === year ? { from: '', to: '' } : { from: `${value.year}-01-01`, to: `${value.year}-12-31` }),
      { dataset: { facet: 'year', value: String(value.year) } }))));
  if (facets.undated) append(yearList, el('li', { className: 'muted facet-note' }, `${t('undated')}: ${formatNumber(facets.undated)}`));
  groups.push(facetGroup('years', t('years'), yearList));

  const events = [...facets.events];
  if (state.event && !events.some(value => value.id === state.event)) events.unshift({ id: state.event, title: t('event'), talkCount: 0 });
  groups.push(facetGroup('events', t('events'), el('ul', { className: 'facet-values' }, events.map(value => el('li', {},
    facetButton([value.title, value.date ? el('span', { className: 'muted' }, ` ${value.date}`) : null], value.talkCount,
      value.id === state.event, () => app.search({ event: value.id === state.event ? '' : value.id }),
      { dataset: { facet: 'event', value: value.id } })))),
  () => { showAll.events = true; renderSearch(app); }, !showAll.events && facets.events.length >= 10));

  const speakers = [...facets.speakers];
  if (state.speaker && !speakers.some(value => value.name === state.speaker)) speakers.unshift({ name: state.speaker, talkCount: 0 });
  groups.push(facetGroup('speakers', t('speakers'), el('ul', { className: 'facet-values' }, speakers.map(value => el('li', {},
    facetButton(value.name, value.talkCount, value.name === state.speaker,
      () => app.search({ speaker: value.name === state.speaker ? '' : value.name }),
      { dataset: { facet: 'speaker', value: value.name } })))),
  () => { showAll.speakers = true; renderSearch(app); }, !showAll.speakers && facets.speakers.length >= 10));

  replaceContent(byId('facets'), ...groups);
  if (focusKey) {
    const again = [...byId('facets').querySelectorAll('[data-facet]')]
      .find(button => button.dataset.facet === focusKey[0] && button.dataset.value === focusKey[1]);
    again?.focus();
  }
}

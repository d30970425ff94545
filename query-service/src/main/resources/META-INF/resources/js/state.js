// Everything the page shows is named by its URL, so the back button and a shared link bring back the same view.
//   search: ?q=&topic=&topic=&event=&speaker=&from=&to=&by=
//   pages:  ?view=talk&id=…, ?view=event&id=…, ?view=speaker&name=…, ?view=preview

export const FILTER_KEYS = ['q', 'event', 'speaker', 'from', 'to'];

export function readState(search = location.search) {
  const params = new URLSearchParams(search);
  return {
    view: params.get('view') || 'search',
    id: params.get('id') || '',
    name: params.get('name') || '',
    q: params.get('q') || '',
    topics: params.getAll('topic').filter(Boolean),
    event: params.get('event') || '',
    speaker: params.get('speaker') || '',
    from: params.get('from') || '',
    to: params.get('to') || '',
    by: params.get('by') === 'year' ? 'year' : 'month',
    lang: params.get('lang') || ''
  };
}

/** The URL of a state: only what differs from the defaults, in a fixed order. */
export function urlOf(state) {
  const params = new URLSearchParams();
  if (state.view && state.view !== 'search') {
    params.set('view', state.view);
    if (state.id) params.set('id', state.id);
    if (state.name) params.set('name', state.name);
  } else {
    if (state.q) params.set('q', state.q);
    state.topics.forEach(topic => params.append('topic', topic));
    if (state.event) params.set('event', state.event);
    if (state.speaker) params.set('speaker', state.speaker);
    if (state.from) params.set('from', state.from);
    if (state.to) params.set('to', state.to);
    if (state.by === 'year') params.set('by', 'year');
  }
  if (state.lang) params.set('lang', state.lang);
  const query = params.toString();
  return location.pathname + (query ? '?' + query : '');
}

/** The API parameters of the search a state shows. */
export function filterParams(state) {
  const params = new URLSearchParams();
  state.topics.forEach(topic => params.append('topic', topic));
  if (state.q.trim()) params.set('q', state.q.trim());
  if (state.event) params.set('event', state.event);
  if (state.speaker) params.set('speakerName', state.speaker);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  return params;
}

/** The first and last day of a period of the timeline ("2022", "2022-12"). */
export function periodRange(period) {
  if (/^\d{4}$/.test(period)) return { from: `${period}-01-01`, to: `${period}-12-31` };
  const [year, month] = period.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${period}-01`, to: `${period}-${String(last).padStart(2, '0')}` };
}

/** The year a date range covers exactly, or null. */
export function yearOf(state) {
  const match = /^(\d{4})-01-01$/.exec(state.from);
  return match && state.to === `${match[1]}-12-31` ? Number(match[1]) : null;
}

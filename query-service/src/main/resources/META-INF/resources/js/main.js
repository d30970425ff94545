// The page: one document, its views named by the URL (see state.js). No framework, no build step, nothing
// loaded from elsewhere: the Content-Security-Policy allows only this service's own scripts.
import { isAbort } from './api.js';
import { el } from './dom.js';
import { chooseLanguage, currentLanguage, setLanguage, t } from './i18n.js';
import { renderEvent, renderSpeaker, renderTalk } from './pages.js';
import { previewFile, renderPreview } from './preview.js';
import { renderSearch } from './search.js';
import { readState, urlOf } from './state.js';

/** Typing waits this long for the next key before it searches. */
const DEBOUNCE_MS = 250;
/** Marks history entries this page made: "back" stays on the page only when there is such an entry to go to. */
const IN_APP = { inApp: true };

const app = {
  state: readState(),
  /** The URL of a view; search views keep nothing of the current page, other views keep the language. */
  href(view) {
    return urlOf({ ...readState(''), ...view, lang: app.state.lang });
  },
  /** Opens a view: a new history entry, or the current one replaced. */
  go(view, { replace = false } = {}) {
    const next = { ...readState(''), ...view, lang: app.state.lang };
    const url = urlOf(next);
    if (replace) history.replaceState(history.state, '', url);
    else history.pushState(IN_APP, '', url);
    typingEntry = false;
    show();
  },
  /** Changes the search: the filters given, the rest kept. */
  search(changes, { replace = false } = {}) {
    const current = app.state.view === 'search' ? app.state : { ...readState(''), by: app.state.by };
    const next = { ...current, ...changes, view: 'search', id: '', name: '' };
    const url = urlOf(next);
    if (url !== location.pathname + location.search) {
      if (replace) history.replaceState(history.state, '', url);
      else history.pushState(IN_APP, '', url);
    }
    if (!replace) typingEntry = false;
    show();
  }
};

let pageController = null;
/** While one burst of typing goes on, its searches replace one history entry instead of adding one per pause. */
let typingEntry = false;

function byId(id) {
  return document.getElementById(id);
}

function translateStatic() {
  document.querySelectorAll('[data-t]').forEach(node => { node.textContent = t(node.dataset.t); });
  document.querySelectorAll('[data-t-placeholder]').forEach(node => { node.placeholder = t(node.dataset.tPlaceholder); });
  document.querySelectorAll('[data-t-aria]').forEach(node => node.setAttribute('aria-label', t(node.dataset.tAria)));
  byId('language').lang = currentLanguage() === 'ja' ? 'en' : 'ja';
}

async function show() {
  app.state = readState();
  const state = app.state;
  const searching = state.view === 'search';
  byId('search-view').hidden = !searching;
  byId('page-view').hidden = searching;
  const input = byId('q');
  if (document.activeElement !== input) input.value = state.q;
  pageController?.abort();
  if (searching) {
    document.title = state.q ? `${state.q} · ${t('appTitle')}` : t('appTitle');
    await renderSearch(app);
    return;
  }
  pageController = new AbortController();
  const content = byId('page-content');
  content.replaceChildren(el('p', { role: 'status' }, t('loading')));
  try {
    const page = state.view === 'talk' ? await renderTalk(app, state.id, pageController.signal)
      : state.view === 'event' ? await renderEvent(app, state.id, pageController.signal)
        : state.view === 'speaker' ? await renderSpeaker(app, state.name, pageController.signal)
          : renderPreview();
    content.replaceChildren(page);
  } catch (error) {
    if (isAbort(error)) return;
    content.replaceChildren(el('h2', { tabindex: '-1', className: 'page-title' },
      error.status === 404 ? t('notFound', state.id || state.name) : t('error', error.message)));
  }
  // A new page is announced and read from its heading.
  content.querySelector('.page-title')?.focus();
}

function scheduleSearch() {
  clearTimeout(scheduleSearch.timer);
  scheduleSearch.timer = setTimeout(() => {
    const q = byId('q').value;
    if (q === app.state.q && app.state.view === 'search') return;
    app.search({ q }, { replace: typingEntry });
    typingEntry = true;
  }, DEBOUNCE_MS);
}

function wireSearchBox() {
  const input = byId('q');
  let composing = false;
  // An input method (Japanese kana to kanji) sends input events while the word is still being composed:
  // searching then would search for half a word. Search when the composition is committed.
  input.addEventListener('compositionstart', () => { composing = true; clearTimeout(scheduleSearch.timer); });
  input.addEventListener('compositionend', () => { composing = false; scheduleSearch(); });
  input.addEventListener('input', event => {
    if (composing || event.isComposing) return;
    scheduleSearch();
  });
  input.addEventListener('blur', () => { typingEntry = false; });
  byId('search').addEventListener('submit', event => {
    event.preventDefault();
    clearTimeout(scheduleSearch.timer);
    app.search({ q: input.value });
  });
  input.addEventListener('keydown', event => {
    if (event.key === 'ArrowDown' && !event.isComposing) {
      const first = document.querySelector('#talk-list .talk-link');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  });
}

function wireKeyboard() {
  document.addEventListener('keydown', event => {
    const target = event.target;
    const typing = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target.isContentEditable;
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      byId('q').focus();
      byId('q').select();
    } else if (event.key === 'Escape' && app.state.view !== 'search' && !typing) {
      goBack();
    }
  });
  // Up and down move through the results, as in a list of search results anywhere.
  byId('talk-list').addEventListener('keydown', event => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...document.querySelectorAll('#talk-list .talk-link')];
    const index = links.indexOf(document.activeElement);
    if (index < 0) return;
    event.preventDefault();
    if (event.key === 'ArrowUp' && index === 0) byId('q').focus();
    else links[Math.min(links.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))].focus();
  });
}

/** Back to the results: the previous entry when this page made the current one, else a fresh search. */
function goBack() {
  if (history.state && history.state.inApp) history.back();
  else app.search({});
}

function wirePreview() {
  const overlay = byId('drop-overlay');
  const input = byId('memo-file');
  input.addEventListener('change', () => {
    if (input.files.length) previewFile(app, input.files[0]);
    input.value = '';
  });
  const carriesFiles = event => [...(event.dataTransfer?.types || [])].includes('Files');
  document.addEventListener('dragover', event => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    overlay.hidden = false;
  });
  document.addEventListener('dragleave', event => {
    if (event.relatedTarget === null) overlay.hidden = true;
  });
  document.addEventListener('drop', event => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    overlay.hidden = true;
    const file = event.dataTransfer.files[0];
    if (file) previewFile(app, file);
  });
}

function wireControls() {
  byId('language').addEventListener('click', () => {
    setLanguage(currentLanguage() === 'ja' ? 'en' : 'ja');
    app.state.lang = '';
    history.replaceState(history.state, '', urlOf({ ...readState(), lang: '' }));
    translateStatic();
    show();
  });
  byId('home').addEventListener('click', event => {
    event.preventDefault();
    app.search({ q: '', topics: [], event: '', speaker: '', from: '', to: '' });
  });
  byId('back').addEventListener('click', event => {
    event.preventDefault();
    goBack();
  });
  document.querySelectorAll('input[name="by"]').forEach(radio =>
    radio.addEventListener('change', () => app.search({ by: radio.value })));
  byId('filters-toggle').addEventListener('click', () => {
    const toggle = byId('filters-toggle');
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    byId('filters').classList.toggle('open', open);
  });
  // The chart follows the system's light or dark theme.
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => { if (app.state.view === 'search') show(); });
}

chooseLanguage(app.state.lang);
translateStatic();
wireSearchBox();
wireKeyboard();
wirePreview();
wireControls();
window.addEventListener('popstate', () => { typingEntry = false; show(); });
// The chart library is a classic script loaded with defer; modules run after it, so it is there now.
show();

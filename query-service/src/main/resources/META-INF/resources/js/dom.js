// Building DOM nodes. Everything from the API is inserted as text nodes, never parsed as markup: memos are user
// content. The page's Content-Security-Policy would block an injected script anyway; this keeps markup out too.

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'className') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

/** Replaces the node's children; null, false and empty strings are left out (replaceChildren would write "null"). */
export function replaceContent(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

export function append(node, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === undefined || child === null || child === false || child === '') continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Text with the spans [{start, end}] wrapped in <mark>: the words of the search, found by the API. */
export function marked(text, spans = []) {
  const value = String(text ?? '');
  const parts = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at || span.end > value.length || span.start >= span.end) continue;
    parts.push(value.slice(at, span.start), el('mark', {}, value.slice(span.start, span.end)));
    at = span.end;
  }
  parts.push(value.slice(at));
  return parts.filter(part => part !== '');
}

/** The host of a web URL, without "www."; null for anything that is not http(s). */
export function webHost(url) {
  try {
    const parsed = new URL(String(url ?? ''));
    return /^https?:$/.test(parsed.protocol) ? parsed.hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/** A link to the page itself, in the same tab through the router; a plain click is handled, others left to the browser. */
export function pageLink(href, onNavigate, ...children) {
  return el('a', {
    href,
    onclick: event => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      onNavigate();
    }
  }, ...children);
}

export function bulletList(bullets, className) {
  if (!bullets || !bullets.length) return null;
  return el('ul', { className }, bullets.map(bullet =>
    el('li', {}, bullet.text, bulletList(bullet.children))));
}

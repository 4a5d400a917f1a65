/**
 * Source documents as pages a reader can cite into: every line is an anchor (#L69), a range is
 * highlighted (#L69-L72), a passage given by its character offsets (?start=&end=) is marked, and the
 * text sits in the page as written, so a browser's text fragments (#:~:text=…) find quotes too.
 * Nothing is loaded from elsewhere.
 */
import type { SourceEntry } from '../seed/seed.schema.js';
import type { DocumentSource } from './store.js';
import { documentUrl } from './locate.js';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = `
  body { margin: 0; font: 15px/1.6 system-ui, "Noto Sans CJK SC", "PingFang SC", sans-serif; color: #1f2933; background: #fafbfc; }
  header { padding: 16px 24px; border-bottom: 1px solid #d9e2ec; background: #fff; }
  header h1 { font-size: 20px; margin: 4px 0; }
  header p { margin: 0; color: #52606d; font-size: 13px; }
  a { color: #2563eb; }
  ol { list-style: none; margin: 0; padding: 12px 0 64px; }
  li { display: grid; grid-template-columns: 4.5em 1fr; padding: 0 24px 0 0; }
  li .n { text-align: right; padding-right: 1em; color: #9aa5b1; text-decoration: none; user-select: none; font-variant-numeric: tabular-nums; }
  li .t { white-space: pre-wrap; overflow-wrap: anywhere; min-height: 1.6em; }
  li:target, li.hl { background: #fff3bf; }
  li:target .n, li.hl .n { color: #7c5e10; font-weight: 600; }
  mark { background: #ffd43b; color: inherit; border-radius: 2px; }
`;

/** Highlights the range a fragment names (#L12-L15) and scrolls to its start; a single #L12 is :target. */
const SCRIPT = `
  function show() {
    document.querySelectorAll('li.hl').forEach((li) => li.classList.remove('hl'));
    const m = /^#L(\\d+)(?:-L(\\d+))?$/.exec(location.hash);
    if (!m) return;
    const from = Number(m[1]), to = Number(m[2] || m[1]);
    for (let n = from; n <= to; n++) document.getElementById('L' + n)?.classList.add('hl');
    document.getElementById('L' + from)?.scrollIntoView({ block: 'center' });
  }
  addEventListener('hashchange', show);
  show();
`;

function page(title: string, header: string, body: string): string {
  return `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>${header}</header>
${body}
</body>
</html>`;
}

const byline = (source: SourceEntry | undefined, file: string): string =>
  [source?.author, source?.date, file]
    .filter(Boolean)
    .map((part) => escapeHtml(String(part)))
    .join(' · ');

/** Character offsets (code points, end exclusive) of a passage to mark. */
export interface Passage {
  start: number;
  end: number;
}

/** A line's text with the part of `passage` it holds in <mark>; `offset` is the line's first code point in the document. */
function markedLine(line: string, offset: number, passage: Passage | undefined): string {
  const chars = [...line];
  const from = Math.max(0, (passage?.start ?? 0) - offset);
  const to = Math.min(chars.length, (passage?.end ?? 0) - offset);
  if (passage === undefined || from >= to) return escapeHtml(line);
  const part = (a: number, b: number) => escapeHtml(chars.slice(a, b).join(''));
  return `${part(0, from)}<mark>${part(from, to)}</mark>${part(to, chars.length)}`;
}

/** One document, a numbered line per line of its text, with `passage` marked when given. */
export function renderDocument(file: string, text: string, source: SourceEntry | undefined, passage?: Passage): string {
  const lines = text.replace(/\n$/, '').split('\n');
  let offset = 0;
  const items = lines
    .map((line, i) => {
      const html = markedLine(line, offset, passage);
      offset += [...line].length + 1;
      return `<li id="L${i + 1}"><a class="n" href="#L${i + 1}">${i + 1}</a><span class="t">${html}</span></li>`;
    })
    .join('\n');
  const title = source?.title ?? file;
  const header = `<p><a href="/documents/">Source documents</a></p><h1>${escapeHtml(title)}</h1>
<p>${byline(source, file)} · <a href="${documentUrl(file)}?format=text">plain text</a></p>`;
  return page(`${title} · source document`, header, `<ol data-testid="document-lines">\n${items}\n</ol>\n<script>${SCRIPT}</script>`);
}

/** The list of documents the service serves. */
export function renderIndex(sources: DocumentSource[]): string {
  const items = sources
    .map(
      (s) =>
        `<li><span class="n"></span><span class="t"><a href="${documentUrl(s.file)}">${escapeHtml(s.title)}</a> — ${byline(s, s.file)}</span></li>`,
    )
    .join('\n');
  return page(
    'Source documents',
    '<h1>Source documents</h1><p>The texts every document citation quotes, verbatim.</p>',
    `<ol>\n${items}\n</ol>`,
  );
}

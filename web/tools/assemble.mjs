// Writes web/dist/index.html from web/www/index.html: the example article (examples/
// kcna_watch_page.txt) goes into the textarea and the README's notation table into the
// "Which notations are read" panel, so the page needs no fetch and the table never drifts from
// the README. Also copies the other files of web/www/. Run from the repository root.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const escape = (s) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Markdown inline text (code spans and emphasis only) as HTML. */
function inline(md) {
  return md.split('`').map((part, i) => (i % 2 ? `<code>${escape(part)}</code>` : escape(part)
    .replace(/\*([^*]+)\*/g, '<i>$1</i>'))).join('');
}

/** The cells of a Markdown table row, split on pipes outside code spans. */
function cells(row) {
  const out = [];
  let cell = '';
  let code = false;
  for (const ch of row.trim().replace(/^\|/, '').replace(/\|$/, '')) {
    if (ch === '`') code = !code;
    if (ch === '|' && !code) { out.push(cell.trim()); cell = ''; } else cell += ch;
  }
  out.push(cell.trim());
  return out;
}

const readme = readFileSync('README.md', 'utf8');
const section = readme.split(/^## Notations\s*$/m)[1]?.split(/^#{2,3} /m)[0];
if (!section) throw new Error('README.md has no "## Notations" section');
const rows = section.split('\n').filter((l) => l.trim().startsWith('|'));
if (rows.length < 3) throw new Error('the README\'s notation table has no rows');
const [head, , ...body] = rows;
const after = section.split('\n').filter((l) => l.trim() && !l.trim().startsWith('|')).join(' ');
const table = `<div class="table-wrap"><table>
<thead><tr>${cells(head).map((c) => `<th scope="col">${inline(c)}</th>`).join('')}</tr></thead>
<tbody>
${body.map((r) => `<tr>${cells(r).map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('\n')}
</tbody></table></div>
<p>${inline(after)}</p>`;

const example = readFileSync('examples/kcna_watch_page.txt', 'utf8');
const page = readFileSync('web/www/index.html', 'utf8');
if (!page.includes('<!--EXAMPLE-->') || !page.includes('<!--NOTATIONS-->')) {
  throw new Error('web/www/index.html lacks a placeholder');
}
writeFileSync('web/dist/index.html', page.replace('<!--EXAMPLE-->', () => escape(example))
  .replace('<!--NOTATIONS-->', () => table));
for (const name of readdirSync('web/www')) {
  if (name !== 'index.html') copyFileSync(`web/www/${name}`, `web/dist/${name}`);
}
console.log(`web/dist/index.html: ${body.length} notations, example of ${example.length} characters`);

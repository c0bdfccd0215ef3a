import { BodyRenderer } from './body-renderer';

const LINK_ATTRS = 'rel="nofollow noopener noreferrer ugc" target="_blank"';

describe('BodyRenderer: light Markdown to safe HTML', () => {
  const renderer = new BodyRenderer();
  const render = (md: string) => renderer.render(md);

  it('renders emphasis, strong and strikethrough', () => {
    expect(render('**bold** and __also bold__, *em* and _em_, ~~gone~~')).toBe(
      '<p><strong>bold</strong> and <strong>also bold</strong>, <em>em</em> and <em>em</em>, <s>gone</s></p>',
    );
  });

  it('renders links that open in a new tab with rel=nofollow noopener', () => {
    expect(render('[the plan](https://example.org/plan "Our plan")')).toBe(
      `<p><a href="https://example.org/plan" title="Our plan" ${LINK_ATTRS}>the plan</a></p>`,
    );
    // bare URLs and e-mail addresses become links too
    expect(render('see https://example.org/a?b=1&c=2 or write to team@example.org')).toBe(
      `<p>see <a href="https://example.org/a?b=1&amp;c=2" ${LINK_ATTRS}>https://example.org/a?b=1&amp;c=2</a> or write to <a href="mailto:team@example.org" ${LINK_ATTRS}>team@example.org</a></p>`,
    );
    expect(render('[relative](/spaces/1) and [anchor](#top)')).toBe(
      `<p><a href="/spaces/1" ${LINK_ATTRS}>relative</a> and <a href="#top" ${LINK_ATTRS}>anchor</a></p>`,
    );
  });

  it('drops a link target with an unsafe or foreign scheme, keeping the text', () => {
    expect(render('[x](javascript:alert(1))')).toBe('<p>[x](javascript:alert(1))</p>');
    expect(render('[x](vbscript:msgbox(1))')).toBe('<p>[x](vbscript:msgbox(1))</p>');
    expect(render('[x](data:image/png;base64,AAAA)')).toBe(`<p><a ${LINK_ATTRS}>x</a></p>`);
    expect(render('[x](//evil.example/)')).toBe(`<p><a ${LINK_ATTRS}>x</a></p>`);
    expect(render('[x](ftp://files.example/)')).toBe(`<p><a ${LINK_ATTRS}>x</a></p>`);
  });

  it('renders bulleted and numbered lists, keeping the start number', () => {
    expect(render('- one\n- two\n  - nested')).toBe(
      '<ul>\n<li>one</li>\n<li>two\n<ul>\n<li>nested</li>\n</ul>\n</li>\n</ul>',
    );
    expect(render('1. first\n2. second')).toBe('<ol>\n<li>first</li>\n<li>second</li>\n</ol>');
    expect(render('3. third\n4. fourth')).toBe('<ol start="3">\n<li>third</li>\n<li>fourth</li>\n</ol>');
  });

  it('renders inline code and code blocks with their HTML escaped', () => {
    expect(render('Use `<b>` sparingly')).toBe('<p>Use <code>&lt;b&gt;</code> sparingly</p>');
    expect(render('```js\nconst a = "<script>" && 1;\n```')).toBe(
      '<pre><code>const a = "&lt;script&gt;" &amp;&amp; 1;\n</code></pre>',
    );
    expect(render('para\n\n    indented <i>code</i>')).toBe(
      '<p>para</p>\n<pre><code>indented &lt;i&gt;code&lt;/i&gt;\n</code></pre>',
    );
  });

  it('renders quotes, line breaks, rules, headings (h1/h2 become h3) and tables', () => {
    expect(render('> quoted\n> text')).toBe('<blockquote>\n<p>quoted<br />\ntext</p>\n</blockquote>');
    expect(render('line one\nline two')).toBe('<p>line one<br />\nline two</p>');
    expect(render('above\n\n---\n\nbelow')).toBe('<p>above</p>\n<hr />\n<p>below</p>');
    expect(render('# One\n## Two\n### Three\n#### Four')).toBe(
      '<h3>One</h3>\n<h3>Two</h3>\n<h3>Three</h3>\n<h4>Four</h4>',
    );
    expect(render('| a | b |\n|:-|-:|\n| 1 | 2 |')).toBe(
      '<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>',
    );
  });

  it('shows raw HTML as text, never as markup', () => {
    expect(render('<b>bold?</b> <script>alert(1)</script>')).toBe(
      '<p>&lt;b&gt;bold?&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    expect(render('<div onclick="x()">\nblock\n</div>')).toBe(
      '<p>&lt;div onclick="x()"&gt;<br />\nblock<br />\n&lt;/div&gt;</p>',
    );
  });

  it('does not render images: the alt text links to the image instead', () => {
    expect(render('![a chart](https://example.org/chart.png)')).toBe(
      `<p>!<a href="https://example.org/chart.png" ${LINK_ATTRS}>a chart</a></p>`,
    );
    expect(render('![x](javascript:alert(1))')).toBe('<p>![x](javascript:alert(1))</p>');
  });

  it('keeps unicode, RTL and emoji text as it is', () => {
    expect(render('مرحبا 👩🏽‍💻 שלום \u202eabc')).toBe('<p>مرحبا 👩🏽‍💻 שלום \u202eabc</p>');
    expect(render('"quotes" -- and ... stay plain')).toBe('<p>"quotes" -- and ... stay plain</p>');
  });
});
